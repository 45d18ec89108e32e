import { Logger, OnApplicationBootstrap, OnModuleDestroy, Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { outboxPublished } from '@vigil/observability';
import { EnvelopePublisher, OutboxRelay } from '../outbox-relay';

/** Relays one app's outbox to JetStream for as long as the app runs. */
export class AppOutbox implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Outbox');
  private readonly relay: OutboxRelay;

  constructor(dataSource: DataSource, readonly schema: string, publisher: EnvelopePublisher) {
    this.relay = new OutboxRelay(
      dataSource,
      schema,
      publisher,
      (error) => this.logger.warn({ msg: 'outbox relay pass failed, will retry', schema, error: error.message }),
      (count) => outboxPublished.inc({ schema }, count),
    );
  }

  /** Publish what was just committed without waiting for the next poll. */
  kick(): void {
    this.relay.kick();
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
  }
}

/** Injection token of an app's {@link AppOutbox}. */
export function outboxToken(schema: string): string {
  return `VIGIL_OUTBOX_${schema}`;
}

/** Provides the {@link AppOutbox} of the app whose connection and schema are named `schema`. */
export function appOutboxProvider(schema: string, publisherToken: unknown): Provider {
  return {
    provide: outboxToken(schema),
    inject: [getDataSourceToken(schema), publisherToken as never],
    useFactory: (dataSource: DataSource, publisher: EnvelopePublisher) => new AppOutbox(dataSource, schema, publisher),
  };
}
