import { DynamicModule, Module } from '@nestjs/common';
import { EventPublisher } from '@vigil/bus';
import { appDatabaseModule, appOutboxProvider } from '@vigil/db';
import { appTimersProvider } from '@vigil/timers';
import { CallEntity } from './calls/call.entity';
import { CallsConsumer } from './calls/calls.consumer';
import { IncidentEntity } from './incidents/incident.entity';
import { IncidentsController } from './incidents/incidents.controller';
import { ChangeIncidentUseCase } from './lifecycle/change-incident/change-incident.usecase';
import { IncidentLifecycleController } from './lifecycle/incident-lifecycle.controller';
import { MergeIncidentsUseCase } from './lifecycle/merge-incidents/merge-incidents.usecase';
import { SplitCallUseCase } from './lifecycle/split-call/split-call.usecase';
import { PairOrRecordRestoreUseCase } from './calls/pair-or-record-restore.usecase';
import { RestoreWaitTimer } from './calls/restore-wait.timer';
import { TakeCallUseCase } from './calls/take-call.usecase';
import { TimelineEntryEntity } from './incidents/timeline-entry.entity';
import { CreateTriage1763884800000 } from './migrations/1763884800000-create-triage';
import { CallAlarmDetails1763884800003 } from './migrations/1763884800003-call-alarm-details';
import { RestoreStatus1763884800004 } from './migrations/1763884800004-restore-status';
import { TRIAGE_OPTIONS, TriageOptions } from './triage.options';
import { IncidentVersions1764720000402 } from './migrations/1764720000402-incident-versions';
import { IncidentRecord1764979200001 } from './migrations/1764979200001-incident-record';
import { TRIAGE_SCHEMA } from './triage.schema';

/** Triage: calls become graded incidents in the partnership's taxonomy. */
@Module({})
export class TriageModule {
  static register(options: TriageOptions): DynamicModule {
    return {
      module: TriageModule,
      imports: [
        appDatabaseModule({
          url: options.databaseUrl,
          schema: TRIAGE_SCHEMA,
          entities: [IncidentEntity, CallEntity, TimelineEntryEntity],
          migrations: [CreateTriage1763884800000, CallAlarmDetails1763884800003, RestoreStatus1763884800004, IncidentVersions1764720000402, IncidentRecord1764979200001],
        }),
      ],
      controllers: [IncidentsController, IncidentLifecycleController, CallsConsumer],
      providers: [
        { provide: TRIAGE_OPTIONS, useValue: options },
        appOutboxProvider(TRIAGE_SCHEMA, EventPublisher),
        appTimersProvider({ url: options.databaseUrl, appSchema: TRIAGE_SCHEMA }),
        TakeCallUseCase,
        PairOrRecordRestoreUseCase,
        RestoreWaitTimer,
        ChangeIncidentUseCase,
        MergeIncidentsUseCase,
        SplitCallUseCase,
      ],
    };
  }
}
