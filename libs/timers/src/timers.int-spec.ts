import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { ensureDatabase } from '@vigil/db';
import { createTestEnvironment, eventually, sql, TestEnvironment } from '@vigil/testing';
import { countKeptTimersFrom, metricsRegistry } from '@vigil/observability';
import type { DueTimer, TimerHandler } from './due-timer';
import { migrateTimers } from './timer-migrations';
import { TimerResult } from './timer-outcome';
import { TimerRunner } from './timer-runner';
import { TimerScheduler } from './timer-scheduler';

const SCHEMA = 'tt_timers';

// Real Postgres, the library's real tables and runner: what fires, when, how often, and what is kept.
describe('durable timers', () => {
  let env: TestEnvironment;
  let pool: Pool;
  let scheduler: TimerScheduler;
  const runners: TimerRunner[] = [];
  let tearingDown = false;

  beforeAll(async () => {
    env = await createTestEnvironment('timers');
    await ensureDatabase(env.databaseUrl);
    await migrateTimers(env.databaseUrl, SCHEMA);
    pool = new Pool({ connectionString: env.databaseUrl, max: 20 });
    // Dropping the test database ends whatever connection the pool still holds idle; during the
    // tests an idle connection failing is a real error, as in the app (which logs it).
    pool.on('error', (error) => {
      if (!tearingDown) throw error;
    });
    scheduler = new TimerScheduler(pool, SCHEMA);
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
  });

  afterAll(async () => {
    tearingDown = true;
    await pool?.end();
    await env?.dispose();
  });

  /** Starts a runner ("a replica") that records each run of `kind` in `runs`. */
  async function startRunner(kind: string, handler: TimerHandler, runs: DueTimer[] = []): Promise<DueTimer[]> {
    const runner = new TimerRunner(pool, SCHEMA, { pollIntervalMs: 100, concurrency: 5 });
    runner.handle(kind, async (timer) => {
      runs.push(timer);
      return handler(timer);
    });
    await runner.start();
    runners.push(runner);
    return runs;
  }

  const inMs = (ms: number) => new Date(Date.now() + ms);
  const done = async () => TimerResult.done();
  const keysOf = (runs: DueTimer[]) => runs.map((r) => r.key).sort();

  it('runs a key scheduled twice once, with the later due time and payload', async () => {
    const runs = await startRunner('twice', done);
    await scheduler.schedule('twice', 'k1', inMs(60_000), { version: 1 });
    await scheduler.schedule('twice', 'k1', inMs(200), { version: 2 });
    await scheduler.schedule('twice', 'control', inMs(600), {});
    await eventually(() => expect(keysOf(runs)).toEqual(['control', 'k1']));
    expect(runs.find((r) => r.key === 'k1')!.payload).toEqual({ version: 2 });
  });

  it('schedules many timers in one statement, each replacing its pending key, and runs each once', async () => {
    const runs = await startRunner('many', done);
    await scheduler.schedule('many', 'm1', inMs(60_000), { version: 1 });
    await scheduler.scheduleAll('many', [
      { key: 'm1', dueAt: inMs(200), payload: { version: 2 } },
      { key: 'm2', dueAt: inMs(300), payload: { version: 1 } },
      { key: 'm3', dueAt: inMs(400) },
    ]);
    await eventually(() => expect(keysOf(runs)).toEqual(['m1', 'm2', 'm3']));
    expect(runs.map((r) => [r.key, r.payload])).toEqual(expect.arrayContaining([['m1', { version: 2 }], ['m2', { version: 1 }], ['m3', null]]));
  });

  it('keeps the first due time when asked to, and still runs once', async () => {
    const runs = await startRunner('window', done);
    const first = inMs(300);
    await scheduler.schedule('window', 'w1', first, { calls: 1 }, { keepDueTime: true });
    await scheduler.schedule('window', 'w1', inMs(60_000), { calls: 2 }, { keepDueTime: true });
    await eventually(() => expect(runs).toHaveLength(1));
    expect(runs[0]).toMatchObject({ key: 'w1', payload: { calls: 2 }, dueAt: first });
  });

  it('does not run a cancelled timer', async () => {
    const runs = await startRunner('cancel', done);
    await scheduler.schedule('cancel', 'cancelled', inMs(200), {});
    await scheduler.schedule('cancel', 'control', inMs(400), {});
    await scheduler.cancel('cancel', 'cancelled');
    await eventually(() => expect(keysOf(runs)).toEqual(['control']));
    expect(await sql(env.databaseUrl, `SELECT 1 FROM ${SCHEMA}.jobs WHERE task_identifier = 'cancel'`)).toEqual([]);
  });

  it('keeps kinds apart: the same key under two kinds is two timers', async () => {
    const runs = await startRunner('kind-a', done);
    const other: DueTimer[] = [];
    await startRunner('kind-b', done, other);
    await scheduler.schedule('kind-a', 'same', inMs(100), {});
    await scheduler.schedule('kind-b', 'same', inMs(100), {});
    await eventually(() => expect([runs.length, other.length]).toEqual([1, 1]));
  });

  it('honours the due time', async () => {
    const fired: { dueAt: Date; at: number }[] = [];
    await startRunner('due', async (timer) => {
      fired.push({ dueAt: timer.dueAt, at: Date.now() });
      return TimerResult.done();
    });
    const dueAt = inMs(1_500);
    await scheduler.schedule('due', 'd1', dueAt, {});
    const [run] = await eventually(() => {
      expect(fired).toHaveLength(1);
      return fired;
    });
    expect(run.at).toBeGreaterThanOrEqual(dueAt.getTime());
    expect(run.at - dueAt.getTime()).toBeLessThan(2_000);
  });

  it('schedules in the caller\'s transaction: a rolled-back timer never exists, a committed one fires', async () => {
    const dataSource = await new DataSource({ type: 'postgres', url: env.databaseUrl }).initialize();
    try {
      const runs = await startRunner('in-tx', done);
      await dataSource
        .transaction(async (manager) => {
          await scheduler.schedule('in-tx', 'rolled-back', inMs(100), {}, { manager });
          throw new Error('state change failed');
        })
        .catch(() => undefined);
      await dataSource.transaction((manager) => scheduler.schedule('in-tx', 'committed', inMs(100), {}, { manager }));
      await eventually(() => expect(keysOf(runs)).toEqual(['committed']));
      await dataSource.transaction(async (manager) => {
        await scheduler.schedule('in-tx', 'cancelled-in-tx', inMs(300), {}, { manager });
        await scheduler.cancel('in-tx', 'cancelled-in-tx', { manager });
      });
      await scheduler.schedule('in-tx', 'control', inMs(500), {});
      await eventually(() => expect(keysOf(runs)).toEqual(['committed', 'control']));
    } finally {
      await dataSource.destroy();
    }
  });

  it('runs each of 200 timers exactly once across two replicas', async () => {
    const runsA = await startRunner('shared', done);
    const runsB = await startRunner('shared', done);
    const keys = Array.from({ length: 200 }, (_, i) => `t${String(i).padStart(3, '0')}`);
    const dueAt = inMs(500);
    await Promise.all(keys.map((key) => scheduler.schedule('shared', key, dueAt, {})));
    await eventually(() => expect(runsA.length + runsB.length).toBe(200), { timeoutMs: 20_000 });
    expect(keysOf([...runsA, ...runsB])).toEqual(keys);
    expect(runsA.length).toBeGreaterThan(0);
    expect(runsB.length).toBeGreaterThan(0);
    expect(await sql(env.databaseUrl, `SELECT 1 FROM ${SCHEMA}.jobs WHERE task_identifier = 'shared'`)).toEqual([]);
  });

  it("keeps running when another app's first start installs its own timer schema in the same database", async () => {
    // graphile-worker tells every runner in the database of a breaking migration, whatever its schema.
    const runs = await startRunner('neighbour', done);
    await scheduler.schedule('neighbour', 'before', inMs(100), {});
    await eventually(() => expect(keysOf(runs)).toEqual(['before']));
    await migrateTimers(env.databaseUrl, 'neighbour_app_timers');
    await scheduler.schedule('neighbour', 'after', inMs(1_500), {});
    await eventually(() => expect(keysOf(runs)).toEqual(['after', 'before']), { timeoutMs: 15_000 });
    expect(process.exitCode ?? 0).toBe(0);
    expect(runners.every((r) => r.failed === undefined)).toBe(true);
  });

  it('keeps pending timers across a restart: a new runner fires them', async () => {
    const before = await startRunner('restart', done);
    const keys = ['r1', 'r2', 'r3'];
    for (const key of keys) await scheduler.schedule('restart', key, inMs(1_000), {});
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    expect(before).toEqual([]);
    expect(await sql(env.databaseUrl, `SELECT 1 FROM ${SCHEMA}.jobs WHERE task_identifier = 'restart'`)).toHaveLength(3);

    const after = await startRunner('restart', done);
    await eventually(() => expect(keysOf(after)).toEqual(keys));
  });

  it('runs again a timer its replica died running, once the lock is stale', async () => {
    await scheduler.schedule('orphaned', 'o1', inMs(0), {});
    // What a replica killed mid-run leaves behind: the timer locked by a worker that is gone.
    await sql(env.databaseUrl, `UPDATE ${SCHEMA}._private_jobs SET locked_at = now(), locked_by = 'dead-replica', attempts = 1 WHERE key = 'orphaned:o1'`);
    const runner = new TimerRunner(pool, SCHEMA, { pollIntervalMs: 100, staleLockSeconds: 1 });
    const runs: DueTimer[] = [];
    runner.handle('orphaned', async (timer) => {
      runs.push(timer);
      return TimerResult.done();
    });
    await runner.start();
    runners.push(runner);
    await eventually(() => expect(runs).toEqual([expect.objectContaining({ key: 'o1', attempt: 2 })]));
  });

  it('retries a handler that throws, and removes the timer once it succeeds', async () => {
    const runs = await startRunner('throws-once', async (timer) => {
      if (timer.attempt === 1) throw new Error('connection refused');
      return TimerResult.done();
    });
    await scheduler.schedule('throws-once', 'x', inMs(100), {});
    await eventually(() => expect(runs.map((r) => r.attempt)).toEqual([1, 2]), { timeoutMs: 15_000 });
    await eventually(async () => expect(await sql(env.databaseUrl, `SELECT 1 FROM ${SCHEMA}.jobs WHERE task_identifier = 'throws-once'`)).toEqual([]));
  });

  it('retries a failing handler with backoff, then keeps the timer with its reason', async () => {
    const at: number[] = [];
    const runs = await startRunner('flaky', async () => {
      at.push(Date.now());
      return TimerResult.retry('peer-timeout');
    });
    await scheduler.schedule('flaky', 'f1', inMs(100), { incident: 'i-1' }, { maxAttempts: 2 });
    await eventually(async () => expect(await scheduler.kept()).toContainEqual({ kind: 'flaky', key: 'f1', reason: 'attempts-exhausted: peer-timeout', attempts: 2 }), {
      timeoutMs: 15_000,
    });
    expect(runs.map((r) => r.attempt)).toEqual([1, 2]);
    expect(runs[1].dueAt).toEqual(runs[0].dueAt);
    // The library's backoff after attempt n is e^n seconds: about 2.7 s before the second run.
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(2_000);
  });

  it('keeps a timer whose handler gives up after one run; scheduling the key again runs anew and leaves the failure on record', async () => {
    let answer = TimerResult.giveUp('unknown-incident');
    const runs = await startRunner('gives-up', async () => answer);
    await scheduler.schedule('gives-up', 'g1', inMs(100), {});
    await eventually(async () => expect(await scheduler.kept()).toContainEqual({ kind: 'gives-up', key: 'g1', reason: 'gave-up: unknown-incident', attempts: 1 }));
    expect(runs).toHaveLength(1);
    // On /metrics for alerting, counted at scrape time.
    const uncount = countKeptTimersFrom(async () => (await scheduler.keptCounts()).map((row) => ({ schema: SCHEMA, ...row })));
    expect(await metricsRegistry.getSingleMetricAsString('vigil_timers_kept')).toContain(`vigil_timers_kept{schema="${SCHEMA}",kind="gives-up"} 1`);
    uncount();

    answer = TimerResult.done();
    await scheduler.schedule('gives-up', 'g1', inMs(100), {});
    await eventually(() => expect(runs).toHaveLength(2));
    await eventually(async () => expect(await sql(env.databaseUrl, `SELECT key, last_error FROM ${SCHEMA}.jobs j WHERE task_identifier = 'gives-up'`)).toEqual([{ key: null, last_error: 'gave-up: unknown-incident' }]));
  });
});
