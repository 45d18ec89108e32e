import { Pool } from 'pg';
import type { StoredTimer } from './due-timer';
import { assertTimerKind, jobKey } from './timer-names';

/** Something that runs SQL with positional parameters. */
export type Queryable = { query(text: string, values?: unknown[]): Promise<unknown> };

/** Options of {@link TimerScheduler.schedule}. */
export interface ScheduleOptions {
  /** The caller's transaction: the timer exists if and only if it commits. */
  manager?: Queryable;
  /** When the key is already pending: keep its due time (a window that later events must not stretch) instead of replacing it. */
  keepDueTime?: boolean;
  /** Runs before the timer is kept as failed; default {@link DEFAULT_MAX_ATTEMPTS}. */
  maxAttempts?: number;
}

/** A timer kept after it gave up or ran out of attempts, with why. */
export interface KeptTimer {
  kind: string;
  key: string;
  reason: string;
  attempts: number;
}

/** Attempts before a failing timer is kept; with the library's exponential backoff (e^n s) about 3.6 h of retries. */
export const DEFAULT_MAX_ATTEMPTS = 10;

/**
 * Schedules and cancels an app's timers ("do X at T unless cancelled"), stored in the app's timers
 * schema. Scheduling is idempotent on (kind, key): scheduling a pending key again replaces its due
 * time and payload (the latest decision wins) unless `keepDueTime`; scheduling a key whose timer
 * is running adds a new timer, since the new decision came after the run began.
 */
export class TimerScheduler {
  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {}

  /** Schedules `kind` for `key` at `dueAt`, in `options.manager`'s transaction when given. */
  async schedule(kind: string, key: string, dueAt: Date, payload: unknown, options: ScheduleOptions = {}): Promise<void> {
    const keep = options.keepDueTime === true;
    // The stored due time follows the library's rule for a kept one: a pending, never-run timer keeps its run_at.
    await this.on(options.manager).query(
      `SELECT id FROM "${this.schema}".add_job(
         identifier => $1,
         payload => json_build_object('key', $2::text, 'payload', $3::json, 'dueAt',
           CASE WHEN $7 THEN coalesce((SELECT run_at FROM "${this.schema}".jobs WHERE key = $5 AND locked_at IS NULL AND attempts = 0), $4) ELSE $4 END),
         run_at => $4, max_attempts => $6, job_key => $5, job_key_mode => CASE WHEN $7 THEN 'preserve_run_at' ELSE 'replace' END)`,
      [assertTimerKind(kind), key, JSON.stringify(payload ?? null), dueAt, jobKey(kind, key), options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, keep],
    );
  }

  /**
   * Schedules many timers of `kind` in one statement (the library's `add_jobs`), each replacing
   * the pending timer of its key as {@link schedule} does; one key at most once in `timers`.
   */
  async scheduleAll(kind: string, timers: readonly { key: string; dueAt: Date; payload?: unknown }[], options: Pick<ScheduleOptions, 'manager' | 'maxAttempts'> = {}): Promise<void> {
    if (timers.length === 0) return;
    const specs = timers.map(({ key, dueAt, payload }) => ({
      key: jobKey(kind, key),
      runAt: dueAt.toISOString(),
      payload: { key, payload: payload ?? null, dueAt: dueAt.toISOString() },
    }));
    await this.on(options.manager).query(
      `SELECT count(*) FROM "${this.schema}".add_jobs(
         ARRAY(SELECT ROW($1::text, "s"->'payload', NULL, ("s"->>'runAt')::timestamptz, $3::int, "s"->>'key', NULL, NULL)::"${this.schema}".job_spec
               FROM jsonb_array_elements($2::jsonb) AS "s"),
         false)`,
      [assertTimerKind(kind), JSON.stringify(specs), options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS],
    );
  }

  /** Cancels the pending timer of (kind, key), if any; one already running finishes but is never retried. */
  async cancel(kind: string, key: string, options: { manager?: Queryable } = {}): Promise<void> {
    await this.on(options.manager).query(`SELECT "${this.schema}".remove_job($1)`, [jobKey(kind, key)]);
  }

  /** Timers that gave up or ran out of attempts, newest first: kept so that nothing is silently dropped. */
  async kept(limit = 100): Promise<KeptTimer[]> {
    const rows: { kind: string; payload: StoredTimer; last_error: string | null; attempts: number }[] = (
      await this.pool.query(
        `SELECT t.identifier AS kind, j.payload, j.last_error, j.attempts
         FROM "${this.schema}"._private_jobs j JOIN "${this.schema}"._private_tasks t ON t.id = j.task_id
         WHERE j.attempts >= j.max_attempts AND j.locked_at IS NULL ORDER BY j.updated_at DESC LIMIT $1`,
        [limit],
      )
    ).rows;
    return rows.map((row) => ({ kind: row.kind, key: row.payload.key, reason: row.last_error ?? 'cancelled while running', attempts: row.attempts }));
  }

  /** How many timers of each kind are kept (see {@link kept}). */
  async keptCounts(): Promise<{ kind: string; count: number }[]> {
    const rows: { kind: string; count: number }[] = (
      await this.pool.query(
        `SELECT t.identifier AS kind, count(*)::int AS count
         FROM "${this.schema}"._private_jobs j JOIN "${this.schema}"._private_tasks t ON t.id = j.task_id
         WHERE j.attempts >= j.max_attempts AND j.locked_at IS NULL GROUP BY t.identifier`,
      )
    ).rows;
    return rows;
  }

  private on(manager?: Queryable): Queryable {
    return manager ?? { query: (text: string, values?: unknown[]) => this.pool.query(text, values) };
  }
}
