import { Client } from 'pg';
import { hostAndPort, NO_WAIT, StartupWait, waitForDependency } from '@vigil/observability';
import { withSchemaLock } from './schema-lock';

/** Raised when Postgres cannot be reached at start-up; its message tells an operator what to do. */
export class PostgresUnreachableError extends Error {}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A connected client; a failed one is closed so its socket does not linger between attempts. */
async function connectedClient(connectionString: string): Promise<Client> {
  const client = new Client({ connectionString, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Makes sure the database exists, so a fresh machine needs no manual SQL. Waits (and says so)
 * while Postgres is not there yet; once `wait.giveUpAfterSeconds` have passed, fails with a
 * message that says how to start it.
 */
export async function ensureDatabase(url: string, wait: StartupWait = NO_WAIT): Promise<void> {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  let admin: Client;
  try {
    admin = await waitForDependency({ name: 'Postgres', address: hostAndPort(url, 5432) }, () => connectedClient(withDatabase(url, 'postgres')), wait);
  } catch (error) {
    throw new PostgresUnreachableError(
      `Postgres not reachable at ${new URL(url).host} (${(error as Error).message}). ` +
        'Start it locally with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start ' +
        '(or point VIGIL_DATABASE_URL at your server).',
    );
  }
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${quoteIdent(database)}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04' && error.code !== '23505') throw error; // another app or process created it first
      });
    }
  } finally {
    await admin.end();
  }
}

/** Creates the app's schema if missing, on a connection holding the schema's migration lock. */
export async function createSchema(client: Client, schema: string): Promise<void> {
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
}

/** {@link ensureDatabase}, then the schema, created under the schema's migration lock. */
export async function ensureDatabaseAndSchema(url: string, schema: string, wait: StartupWait = NO_WAIT): Promise<void> {
  await ensureDatabase(url, wait);
  await withSchemaLock(url, schema, (client) => createSchema(client, schema));
}
