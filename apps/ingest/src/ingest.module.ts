import { DynamicModule, Module } from '@nestjs/common';
import { EventPublisher, ProducedStreamsModule, STREAMS } from '@vigil/bus';
import { appDatabaseModule, appOutboxProvider } from '@vigil/db';
import { CachedAccountRegister } from './alarms';
import { AlarmAccountEntity } from './alarm-receiver/alarm-account.entity';
import { AlarmAccountsController } from './alarm-receiver/alarm-accounts.controller';
import { AlarmReceiverService } from './alarm-receiver/alarm-receiver.service';
import { PostgresAccountRegister } from './alarm-receiver/postgres-account-register';
import { DeadLetterReplayEntity } from './dead-letters/dead-letter-replay.entity';
import { DeadLetterEntity } from './dead-letters/dead-letter.entity';
import { DeadLettersConsumer } from './dead-letters/dead-letters.consumer';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { ReplayDeadLetterUseCase } from './dead-letters/replay-dead-letter.usecase';
import { GatewaysConsumer } from './gateways/gateways.consumer';
import { INGEST_OPTIONS, IngestOptions } from './ingest.options';
import { GatewayIntakeController } from './intake/gateway-intake.controller';
import { ManualCallsController } from './manual/manual-calls.controller';
import { INGEST_MIGRATIONS } from './ingest.migrations';
import { INGEST_SCHEMA } from './ingest.schema';
import { SourceRegistry } from './supervision/source-registry';
import { SourceStateEntity } from './supervision/source-state.entity';
import { SourcesController } from './supervision/sources.controller';
import { RadioStateEntity } from './townlink/radio-state.entity';

/** Ingest: every call source, normalised into `call.*.received`, supervision of the sources, and the dead letters of what was refused. */
@Module({})
export class IngestModule {
  static register(options: IngestOptions): DynamicModule {
    return {
      module: IngestModule,
      imports: [
        // Gateways publish into GATEWAY, but ingest is its reader of record and owns its settings.
        ProducedStreamsModule.of('ingest', [STREAMS.gateway, STREAMS.calls, STREAMS.sources, STREAMS.deadLetters]),
        appDatabaseModule({
          url: options.databaseUrl,
          schema: INGEST_SCHEMA,
          entities: [DeadLetterEntity, DeadLetterReplayEntity, AlarmAccountEntity, SourceStateEntity, RadioStateEntity],
          migrations: INGEST_MIGRATIONS,
        }),
      ],
      controllers: [
        DeadLettersController,
        AlarmAccountsController,
        SourcesController,
        GatewayIntakeController,
        ManualCallsController,
        // Consumers are microservice controllers: the JetStream transport finds their handlers there.
        GatewaysConsumer,
        DeadLettersConsumer,
      ],
      providers: [
        { provide: INGEST_OPTIONS, useValue: options },
        appOutboxProvider(INGEST_SCHEMA, EventPublisher),
        SourceRegistry,
        PostgresAccountRegister,
        {
          provide: CachedAccountRegister,
          useFactory: (register: PostgresAccountRegister) => new CachedAccountRegister(register, options.dc09.accountCacheSeconds * 1000),
          inject: [PostgresAccountRegister],
        },
        AlarmReceiverService,
        ReplayDeadLetterUseCase,
      ],
      exports: [AlarmReceiverService],
    };
  }
}
