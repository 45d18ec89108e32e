import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SendDeliveryUseCase } from '../deliveries/send-delivery.usecase';
import { FlushGroupUseCase } from '../groups/flush-group.usecase';
import { NOTIFY_OPTIONS, NotifyOptions } from '../notify.options';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { dueWork } from './due-work';

/** How often each replica looks for due work when not told otherwise. */
export const DEFAULT_DUE_POLL_MS = 1_000;
/** Groups flushed in one transaction: a minute after a burst, its thousands of groups come due together. */
const GROUPS_PER_TRANSACTION = 100;

/**
 * The durable clock of notify's busiest waits: a group's next flush (`alert_group.flush_at`) and a
 * delivery's next try (`delivery.next_attempt_at`, or one nobody sent because its replica died) are
 * columns, read by every replica once a second. A job per event in the timers' queue cost two
 * writes per group and delivery; this costs one indexed read per second. Two replicas finding the
 * same work is harmless: a flush locks its group and finds it no longer due, a send is claimed.
 */
@Injectable()
export class DueWorkPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DueWork');
  private interval?: NodeJS.Timeout;
  private running: Promise<void> | null = null;

  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource,
    @Inject(NOTIFY_OPTIONS) private readonly options: NotifyOptions,
    private readonly flush: FlushGroupUseCase,
    private readonly send: SendDeliveryUseCase,
  ) {}

  onApplicationBootstrap(): void {
    this.interval = setInterval(() => {
      if (!this.running) this.running = this.tick().finally(() => (this.running = null));
    }, this.options.duePollMs ?? DEFAULT_DUE_POLL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.interval);
    await this.running;
  }

  private async tick(): Promise<void> {
    try {
      const due = await dueWork(this.dataSource.manager, new Date());
      for (let i = 0; i < due.groups.length; i += GROUPS_PER_TRANSACTION) await this.flush.execute(due.groups.slice(i, i + GROUPS_PER_TRANSACTION));
      // Claimed in one statement and sent side by side: one slow receiver does not hold the rest.
      await this.send.execute(due.deliveries);
    } catch (error) {
      // Postgres away: the work stays due and the next tick finds it.
      this.logger.warn({ msg: 'could not look for due notify work, will look again', error: (error as Error).message });
    }
  }
}
