import { DataSource } from 'typeorm';

/**
 * Runs an app's pending migrations while holding a Postgres advisory lock named for its schema.
 * Replicas of one app start together; without the lock each runs the same migration at once and
 * all but one fail on the tables the first created. With it the others wait, then find nothing to do.
 */
export async function runMigrationsExclusively(dataSource: DataSource, schema: string): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const lock = `vigil-migrations:${schema}`;
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [lock]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    // The lock belongs to the session: releasing the connection without unlocking would keep it held.
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [lock]).catch(() => undefined);
    await runner.release();
  }
}
