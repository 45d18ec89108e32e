import { Client } from 'pg';

/**
 * Runs `work` while holding a Postgres advisory lock named after `schema`, on its own connection,
 * so replicas that start together create the schema and run its migrations one after another
 * (`work` may use the locking connection).
 * The lock is per database and per schema: apps sharing a database do not wait for each other.
 */
export async function withSchemaLock<T>(url: string, schema: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000, application_name: `vigil-migrate-${schema}` });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [schemaLockName(schema)]);
    // A session lock: closing the connection releases it too, should the process die here.
    try {
      return await work(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [schemaLockName(schema)]);
    }
  } finally {
    await client.end();
  }
}

/** The text the advisory lock key of a schema's migrations is hashed from. */
export function schemaLockName(schema: string): string {
  return `vigil:migrations:${schema}`;
}
