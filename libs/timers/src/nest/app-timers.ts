import { Logger, OnApplicationBootstrap, OnModuleDestroy, Provider } from '@nestjs/common';
import { Pool } from 'pg';
import { countKeptTimersFrom, HealthRegistry, STARTUP_WAIT_SECONDS } from '@vigil/observability';
import { ensureDatabase } from '@vigil/db';
import type { TimerHandler } from '../due-timer';
import { migrateTimers } from '../timer-migrations';
import { timersSchemaFor } from '../timer-names';
import { TimerRunner, TimerRunnerOptions } from '../timer-runner';
import { ScheduleOptions, TimerScheduler } from '../timer-scheduler';

/**
 * One app's durable timers: schedule and cancel from use cases, register a handler per kind in
 * an adapter's constructor, and the runner starts with the app and stops with it.
 */
export class AppTimers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Timers');
  private uncount?: () => void;

  constructor(
    private readonly pool: Pool,
    readonly schema: string,
    private readonly scheduler: TimerScheduler,
    private readonly runner: TimerRunner,
  ) {}

  /** See {@link TimerScheduler.schedule}. */
  schedule(kind: string, key: string, dueAt: Date, payload: unknown, options?: ScheduleOptions): Promise<void> {
    return this.scheduler.schedule(kind, key, dueAt, payload, options);
  }

  /** See {@link TimerScheduler.scheduleAll}. */
  scheduleAll(kind: string, timers: readonly { key: string; dueAt: Date; payload?: unknown }[], options?: Pick<ScheduleOptions, 'manager' | 'maxAttempts'>): Promise<void> {
    return this.scheduler.scheduleAll(kind, timers, options);
  }

  /** See {@link TimerScheduler.cancel}. */
  cancel(kind: string, key: string, options?: Pick<ScheduleOptions, 'manager'>): Promise<void> {
    return this.scheduler.cancel(kind, key, options);
  }

  /** See {@link TimerScheduler.kept}. */
  kept(limit?: number) {
    return this.scheduler.kept(limit);
  }

  /** See {@link TimerRunner.handle}. */
  handle<P>(kind: string, handler: TimerHandler<P>): void {
    this.runner.handle(kind, handler);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
    this.uncount = countKeptTimersFrom(async () => (await this.scheduler.keptCounts()).map((row) => ({ schema: this.schema, ...row })));
    this.logger.log({ msg: 'running timers', schema: this.schema });
  }

  async onModuleDestroy(): Promise<void> {
    this.uncount?.();
    await this.runner.stop();
    await this.pool.end();
  }
}

/** Injection token of an app's {@link AppTimers}. */
export function timersToken(appSchema: string): string {
  return `VIGIL_TIMERS_${appSchema}`;
}

/**
 * Provides the {@link AppTimers} of the app whose schema is `appSchema`, its timers in
 * `<appSchema>_timers`, installed or upgraded under the schema lock before the app starts.
 */
export function appTimersProvider(options: { url: string; appSchema: string; runner?: TimerRunnerOptions }): Provider {
  return {
    provide: timersToken(options.appSchema),
    inject: [HealthRegistry, { token: STARTUP_WAIT_SECONDS, optional: true }],
    useFactory: async (health: HealthRegistry, startupWaitSeconds?: number) => {
      const schema = timersSchemaFor(options.appSchema);
      const logger = new Logger('Timers');
      await ensureDatabase(options.url, { giveUpAfterSeconds: startupWaitSeconds, log: (line) => logger.warn({ msg: line, schema }) });
      await migrateTimers(options.url, schema);
      const pool = new Pool({ connectionString: options.url, max: (options.runner?.concurrency ?? 5) + 2, application_name: `vigil-${schema}` });
      pool.on('error', (error) => logger.warn({ msg: 'timers connection lost', schema, error: error.message }));
      const runner = new TimerRunner(pool, schema, options.runner);
      health.register(`postgres:${schema}`, async () => {
        await pool.query('SELECT 1');
        // Not ready while its timers do not run: SLA breaches and restore waits would pass unnoticed.
        if (runner.failed) return { name: `postgres:${schema}`, up: false, detail: runner.failed };
        return { name: `postgres:${schema}`, up: true };
      });
      return new AppTimers(pool, schema, new TimerScheduler(pool, schema), runner);
    },
  };
}
