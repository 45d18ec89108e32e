import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventPublisher } from '@vigil/bus';
import { OutboxRelay } from '@vigil/db';
import { outboxPublished } from '@vigil/observability';
import { TRIAGE_SCHEMA } from './triage.schema';

/** Relays triage's outbox to JetStream for as long as the app runs. */
@Injectable()
export class TriageOutbox implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TriageOutbox');
  private readonly relay: OutboxRelay;

  constructor(@InjectDataSource(TRIAGE_SCHEMA) dataSource: DataSource, publisher: EventPublisher) {
    this.relay = new OutboxRelay(
      dataSource,
      TRIAGE_SCHEMA,
      publisher,
      (error) => this.logger.warn({ msg: 'outbox relay pass failed, will retry', error: error.message }),
      (count) => outboxPublished.inc({ schema: TRIAGE_SCHEMA }, count),
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
