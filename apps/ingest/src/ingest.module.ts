import { DynamicModule, Module } from '@nestjs/common';
import { appDatabaseModule } from '@vigil/db';
import { AirwaveConsumer } from './airwave/airwave.consumer';
import { DeadLetterEntity } from './dead-letters/dead-letter.entity';
import { DeadLettersConsumer } from './dead-letters/dead-letters.consumer';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { INGEST_SCHEMA } from './ingest.schema';
import { CreateIngest1763884800001 } from './migrations/1763884800001-create-ingest';

/** Ingest: every call source, normalised into `call.*.received`, and the dead letters of what was refused. */
@Module({})
export class IngestModule {
  static register(options: { databaseUrl: string }): DynamicModule {
    return {
      module: IngestModule,
      imports: [
        appDatabaseModule({
          url: options.databaseUrl,
          schema: INGEST_SCHEMA,
          entities: [DeadLetterEntity],
          migrations: [CreateIngest1763884800001],
        }),
      ],
      controllers: [DeadLettersController],
      providers: [AirwaveConsumer, DeadLettersConsumer],
    };
  }
}
