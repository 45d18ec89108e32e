import { DynamicModule, Module } from '@nestjs/common';
import { EventPublisher } from '@vigil/bus';
import { appDatabaseModule, appOutboxProvider } from '@vigil/db';
import { CallEntity } from './calls/call.entity';
import { CallsConsumer } from './calls/calls.consumer';
import { IncidentEntity } from './incidents/incident.entity';
import { IncidentsController } from './incidents/incidents.controller';
import { TakeCallUseCase } from './calls/take-call.usecase';
import { TimelineEntryEntity } from './incidents/timeline-entry.entity';
import { CreateTriage1763884800000 } from './migrations/1763884800000-create-triage';
import { CallAlarmDetails1763884800003 } from './migrations/1763884800003-call-alarm-details';
import { TRIAGE_SCHEMA } from './triage.schema';

/** Triage: calls become graded incidents in the partnership's taxonomy. */
@Module({})
export class TriageModule {
  static register(options: { databaseUrl: string }): DynamicModule {
    return {
      module: TriageModule,
      imports: [
        appDatabaseModule({
          url: options.databaseUrl,
          schema: TRIAGE_SCHEMA,
          entities: [IncidentEntity, CallEntity, TimelineEntryEntity],
          migrations: [CreateTriage1763884800000, CallAlarmDetails1763884800003],
        }),
      ],
      controllers: [IncidentsController, CallsConsumer],
      providers: [appOutboxProvider(TRIAGE_SCHEMA, EventPublisher), TakeCallUseCase],
    };
  }
}
