import { Logger } from '@nestjs/common';
import { JobHelpers, run, Runner, TaskList } from 'graphile-worker';
import { Pool } from 'pg';
import type { DueTimer, StoredTimer, TimerHandler } from './due-timer';
import { graphileLogger } from './graphile-logger';
import { settleTimer, Settlement } from './settle-timer';
import { assertTimerKind } from './timer-names';

/** The exit code graphile-worker sets when it shuts its runner down on a breaking migration notice. */
const GRAPHILE_UNSAFE_TO_CONTINUE = 57;

/** How a runner polls and how much it runs at once. */
export interface TimerRunnerOptions {
  /** How often due timers are looked for; the due-time precision. Default 1 000 ms. */
  pollIntervalMs?: number;
  /** Timers run at once by this replica. Default 5. */
  concurrency?: number;
  /**
   * A timer locked longer than this is taken to belong to a replica that died mid-run and is
   * freed for another (the library alone waits 4 hours). Longer than any handler runs. Default 300.
   */
  staleLockSeconds?: number;
}

/**
 * Runs an app's due timers with the handlers registered per kind. Every replica runs one; the
 * library locks each due timer for one of them (`FOR UPDATE SKIP LOCKED`), and a timer whose
 * replica died mid-run is run again once its lock is older than `staleLockSeconds`.
 */
export class TimerRunner {
  private readonly logger = new Logger('Timers');
  private readonly handlers = new Map<string, TimerHandler>();
  private runner?: Runner;
  private sweep?: NodeJS.Timeout;
  private stopping = false;
  private failure?: string;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly options: TimerRunnerOptions = {},
  ) {}

  /** Registers the handler of one kind; before {@link start}. */
  handle<P>(kind: string, handler: TimerHandler<P>): void {
    if (this.runner) throw new Error(`timer handler "${kind}" registered after the runner started`);
    if (this.handlers.has(kind)) throw new Error(`timer kind "${kind}" already has a handler`);
    this.handlers.set(assertTimerKind(kind), handler as TimerHandler);
  }

  /** Starts running due timers; timers of kinds with no handler wait for a replica that has one. */
  async start(): Promise<void> {
    if (this.handlers.size === 0) return;
    this.stopping = false;
    this.failure = undefined;
    await this.startLibraryRunner();
    const staleLockSeconds = this.options.staleLockSeconds ?? 300;
    this.sweep = setInterval(() => void this.freeStaleLocks(staleLockSeconds), Math.min(60_000, (staleLockSeconds * 1000) / 2));
  }

  /** Why this runner no longer runs timers though nobody stopped it, for the health check; undefined while it runs. */
  get failed(): string | undefined {
    return this.failure;
  }

  /** Stops taking timers and waits for those running; what is pending stays for the next runner. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.sweep);
    await this.runner?.stop();
    this.runner = undefined;
  }

  private async startLibraryRunner(): Promise<void> {
    const taskList: TaskList = {};
    for (const [kind, handler] of this.handlers) taskList[kind] = (payload, helpers) => this.runOne(kind, handler, payload as StoredTimer, helpers);
    const runner = await run({
      pgPool: this.pool,
      schema: this.schema,
      taskList,
      concurrency: this.options.concurrency ?? 5,
      pollInterval: this.options.pollIntervalMs ?? 1_000,
      noHandleSignals: true,
      logger: graphileLogger(this.schema),
    });
    this.runner = runner;
    const ended = () => void this.restartUnlessStopped(runner);
    runner.promise.then(ended, ended);
  }

  /**
   * graphile-worker announces a breaking migration on one channel for the whole database
   * (`worker:migrate`), whichever schema it happened in, and every runner that hears it shuts down
   * (and sets the process's exit code to 57). Another app's first start installs its own timer
   * schema through such migrations, so without this an app would stop running its timers, silently,
   * whenever a new app is deployed beside it. This runner's own schema has not moved, so it starts
   * again; if its schema really is ahead of this library, run() refuses and the health check says so.
   */
  private async restartUnlessStopped(ended: Runner): Promise<void> {
    if (this.stopping || this.runner !== ended) return;
    if (process.exitCode === GRAPHILE_UNSAFE_TO_CONTINUE) process.exitCode = undefined;
    this.logger.warn({ msg: 'the timer runner stopped on a migration notice from another schema; starting it again', schema: this.schema });
    try {
      await this.startLibraryRunner();
    } catch (error) {
      this.runner = undefined;
      this.failure = `timers stopped: ${(error as Error).message}`;
      this.logger.error({ msg: 'the timer runner could not start again: timers of this app no longer run', schema: this.schema, error: (error as Error).message });
    }
  }

  private async freeStaleLocks(staleLockSeconds: number): Promise<void> {
    try {
      const { rowCount } = await this.pool.query(
        `UPDATE "${this.schema}"."_private_jobs" SET locked_at = NULL, locked_by = NULL WHERE locked_at < now() - make_interval(secs => $1)`,
        [staleLockSeconds],
      );
      if (rowCount) this.logger.warn({ msg: 'freed timers locked by a replica that stopped mid-run', schema: this.schema, count: rowCount });
    } catch (error) {
      this.logger.warn({ msg: 'could not look for stale timer locks, will try again', schema: this.schema, error: (error as Error).message });
    }
  }

  private async runOne(kind: string, handler: TimerHandler, stored: StoredTimer, helpers: JobHelpers): Promise<void> {
    const { attempts, max_attempts: maxAttempts } = helpers.job;
    const timer: DueTimer = { kind, key: stored.key, dueAt: new Date(stored.dueAt), payload: stored.payload, attempt: attempts, maxAttempts };
    let settlement: Settlement;
    try {
      settlement = settleTimer({ outcome: await handler(timer) }, attempts, maxAttempts);
    } catch (thrown) {
      settlement = settleTimer({ thrown }, attempts, maxAttempts);
    }
    const log = { msg: `timer ${settlement.action}`, schema: this.schema, kind, key: stored.key, attempt: attempts, reason: settlement.reason };
    if (settlement.action === 'complete') {
      this.logger.debug(log);
      return;
    }
    if (settlement.action === 'keep') {
      // The library runs a job while attempts < max_attempts: closing the gap keeps it, failed, in the table.
      await helpers.query(`UPDATE "${this.schema}"."_private_jobs" SET max_attempts = attempts WHERE id = $1`, [helpers.job.id]);
      this.logger.error(log);
    } else {
      this.logger.warn(log);
    }
    // Throwing is how the library records a failure: it stores the message as last_error and backs off.
    throw new TimerSettled(settlement.reason);
  }
}

/** How a retried or kept timer leaves the handler; its message is the stored reason. */
class TimerSettled extends Error {}
