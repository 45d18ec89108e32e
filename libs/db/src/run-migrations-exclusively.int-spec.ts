import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { createTestEnvironment, sql, TestEnvironment } from '@vigil/testing';
import { ensureDatabaseAndSchema } from './postgres-bootstrap';
import { runMigrationsExclusively } from './run-migrations-exclusively';

const SCHEMA = 'migrationrace';

class CreateThings1700000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "${SCHEMA}"."thing" (id int PRIMARY KEY)`);
    // Long enough that replicas without the lock would overlap inside it.
    await runner.query('SELECT pg_sleep(0.3)');
    await runner.query(`INSERT INTO "${SCHEMA}"."thing" VALUES (1)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${SCHEMA}"."thing"`);
  }
}

// Real Postgres: four replicas of one app starting at once against a fresh database.
describe('runMigrationsExclusively', () => {
  let env: TestEnvironment;
  const sources: DataSource[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment('migrations');
    await ensureDatabaseAndSchema(env.databaseUrl, SCHEMA);
  });

  afterAll(async () => {
    await Promise.all(sources.filter((s) => s.isInitialized).map((s) => s.destroy()));
    await env.dispose();
  });

  it('runs each migration once however many replicas start together', async () => {
    const replicas = Array.from(
      { length: 4 },
      () =>
        new DataSource({
          type: 'postgres',
          url: env.databaseUrl,
          schema: SCHEMA,
          migrations: [CreateThings1700000000000],
          migrationsTableName: 'migrations',
        }),
    );
    sources.push(...replicas);
    await Promise.all(replicas.map(async (replica) => runMigrationsExclusively(await replica.initialize(), SCHEMA)));
    expect(await sql(env.databaseUrl, `SELECT id FROM "${SCHEMA}"."thing"`)).toEqual([{ id: 1 }]);
    expect(await sql(env.databaseUrl, `SELECT name FROM "${SCHEMA}"."migrations"`)).toEqual([{ name: 'CreateThings1700000000000' }]);
  });
});
