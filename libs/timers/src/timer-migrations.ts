import { runMigrations } from 'graphile-worker';
import { withSchemaLock } from '@vigil/db';
import { graphileLogger } from './graphile-logger';

/**
 * Installs or upgrades the timer tables in `schema` (the library's own migrations), under the
 * same per-schema advisory lock as the app's migrations, so replicas starting together take turns.
 */
export async function migrateTimers(url: string, schema: string): Promise<void> {
  await withSchemaLock(url, schema, () => runMigrations({ connectionString: url, schema, logger: graphileLogger(schema) }));
}
