import { randomBytes } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { cameraPlacesConsumerOf, EventPublisher, ProducedStreamsModule, STREAMS } from '@vigil/bus';
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
import { CameraPlacesProjection } from './camera-places/camera-places.projection';
import { cameraRegisterConsumerFor } from './camera-places/camera-register.consumer';
import { CameraChangesConsumer } from './recording-gaps/camera-changes.consumer';
import { RecordCameraChangeUseCase } from './recording-gaps/record-camera-change.usecase';
import { TRIAGE_OPTIONS, TriageOptions } from './triage.options';
import { TRIAGE_MIGRATIONS } from './triage.migrations';
import { TRIAGE_SCHEMA } from './triage.schema';

/** Triage: calls become graded incidents in the partnership's taxonomy. */
@Module({})
export class TriageModule {
  static register(options: TriageOptions): DynamicModule {
    return {
      module: TriageModule,
      imports: [
        ProducedStreamsModule.of('triage', [STREAMS.incidents]),
        appDatabaseModule({
          url: options.databaseUrl,
          schema: TRIAGE_SCHEMA,
          entities: [IncidentEntity, CallEntity, TimelineEntryEntity],
          migrations: TRIAGE_MIGRATIONS,
        }),
      ],
      controllers: [
        IncidentsController,
        IncidentLifecycleController,
        CallsConsumer,
        CameraChangesConsumer,
        cameraRegisterConsumerFor(cameraPlacesConsumerOf(options.instanceId ?? `triage-${randomBytes(4).toString('hex')}`)),
      ],
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
        RecordCameraChangeUseCase,
        CameraPlacesProjection,
      ],
    };
  }
}
