import { DynamicModule, Module } from '@nestjs/common';
import { appDatabaseModule } from '@vigil/db';
import { CallEntity } from './calls/call.entity';
import { CallsConsumer } from './calls/calls.consumer';
import { IncidentEntity } from './incidents/incident.entity';
import { IncidentsController } from './incidents/incidents.controller';
import { OpenIncidentUseCase } from './incidents/open-incident.usecase';
import { TimelineEntryEntity } from './incidents/timeline-entry.entity';
import { CreateTriage1763884800000 } from './migrations/1763884800000-create-triage';
import { TriageOutbox } from './triage-outbox';
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
          migrations: [CreateTriage1763884800000],
        }),
      ],
      controllers: [IncidentsController],
      providers: [TriageOutbox, OpenIncidentUseCase, CallsConsumer],
    };
  }
}
