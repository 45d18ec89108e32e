import { TRIAGE_MIGRATIONS } from '../../apps/triage/src/triage.migrations';
import { ChildApp, createTestEnvironment, sql, TestEnvironment } from '@vigil/testing';

const ROUNDS = 3;

// Two triage processes (from dist/) started at the same moment against a fresh database, as two replicas of a deployment would.
describe('two triage replicas starting together', () => {
  it.each(Array.from({ length: ROUNDS }, (_, i) => i + 1))('round %i: both start, and the schemas are migrated once', async () => {
    const env: TestEnvironment = await createTestEnvironment('replicas');
    const replicas = [new ChildApp('triage', env.env), new ChildApp('triage', env.env)];
    try {
      await env.provisionStreams();
      await Promise.all(replicas.map((r) => r.start()));
      // Each migration once, in order: a race would run one twice or fail a replica.
      expect(await sql(env.databaseUrl, `SELECT name FROM triage.migrations ORDER BY id`)).toEqual(TRIAGE_MIGRATIONS.map((m) => ({ name: m.name })));
      const timerMigrations = await sql<{ id: number }>(env.databaseUrl, `SELECT id FROM triage_timers.migrations ORDER BY id`);
      expect(timerMigrations.map((m) => m.id)).toEqual(Array.from({ length: timerMigrations.length }, (_, i) => i + 1));
      expect(timerMigrations.length).toBeGreaterThan(0);
    } finally {
      await Promise.all(replicas.map((r) => r.stop()));
      await env.dispose();
    }
  });
});
