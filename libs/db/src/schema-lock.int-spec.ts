import { Client } from 'pg';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { createTestEnvironment, sql, TestEnvironment } from '@vigil/testing';
import { startAppDataSource } from './app-data-source';
import { ensureDatabase } from './postgres-bootstrap';
import { appDataSourceOptions } from './nest/app-database.module';

const SCHEMA = 'locktest';

class CreateThing1700000000001 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "${SCHEMA}"."thing" ("id" serial PRIMARY KEY)`);
    await runner.query(`CREATE TABLE "${SCHEMA}"."migration_run" ("name" text NOT NULL)`);
    await runner.query(`INSERT INTO "${SCHEMA}"."migration_run" VALUES ('create-thing')`);
  }
  async down(): Promise<void> {}
}

class AddThingName1700000000002 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "${SCHEMA}"."thing" ADD COLUMN "name" text`);
    await runner.query(`INSERT INTO "${SCHEMA}"."migration_run" VALUES ('add-thing-name')`);
  }
  async down(): Promise<void> {}
}

const options = (url: string) => appDataSourceOptions({ url, schema: SCHEMA, entities: [], migrations: [CreateThing1700000000001, AddThingName1700000000002], poolSize: 2 });

/** What the app module did before the lock: create the schema, then let TypeORM migrate while connecting. */
async function startWithoutLock(url: string): Promise<DataSource> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA IF NOT EXISTS "${SCHEMA}"`).finally(() => client.end());
  return new DataSource({ ...options(url), migrationsRun: true }).initialize();
}

// Two replicas of one app starting at the same moment against a fresh database, on the real Postgres.
describe('migrations under the schema lock', () => {
  const ROUNDS = 5;

  async function round(start: (url: string) => Promise<DataSource>): Promise<{ failures: string[]; env: TestEnvironment; started: DataSource[] }> {
    const env = await createTestEnvironment('lock');
    await ensureDatabase(env.databaseUrl);
    const settled = await Promise.allSettled([start(env.databaseUrl), start(env.databaseUrl)]);
    const started = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failures = settled.flatMap((s) => (s.status === 'rejected' ? [(s.reason as Error).message] : []));
    return { failures, env, started };
  }

  it.each(Array.from({ length: ROUNDS }, (_, i) => i + 1))('round %i: both replicas start and each migration runs once', async () => {
    const { failures, env, started } = await round((url) => startAppDataSource(options(url)));
    try {
      expect(failures).toEqual([]);
      expect(started).toHaveLength(2);
      expect(await sql(env.databaseUrl, `SELECT name FROM "${SCHEMA}"."migrations" ORDER BY id`)).toEqual([
        { name: 'CreateThing1700000000001' },
        { name: 'AddThingName1700000000002' },
      ]);
      expect(await sql(env.databaseUrl, `SELECT name FROM "${SCHEMA}"."migration_run"`)).toEqual([{ name: 'create-thing' }, { name: 'add-thing-name' }]);
    } finally {
      await Promise.all(started.map((d) => d.destroy()));
      await env.dispose();
    }
  });

  it(`without the lock, ${ROUNDS} rounds of two replicas starting together collide at least once`, async () => {
    const failures: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const result = await round(startWithoutLock);
      failures.push(...result.failures);
      await Promise.all(result.started.map((d) => d.destroy()));
      await result.env.dispose();
    }
    // Seen here: every round fails, on pg_namespace (CREATE SCHEMA), pg_type or the migrations table.
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) expect(failure).toMatch(/duplicate key value|already exists/);
  });
});
