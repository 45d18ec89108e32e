import { DataSource, DataSourceOptions } from 'typeorm';
import { createSchema } from './postgres-bootstrap';
import { withSchemaLock } from './schema-lock';

/**
 * Connects an app's data source (its database must exist) and brings its schema up to date:
 * the schema and its migrations run under the schema's advisory lock, so replicas starting
 * together neither collide on `CREATE SCHEMA` nor run a migration twice.
 */
export async function startAppDataSource(options: DataSourceOptions & { url: string; schema: string }): Promise<DataSource> {
  const dataSource = await new DataSource({ ...options, migrationsRun: false }).initialize();
  try {
    await withSchemaLock(options.url, options.schema, async (client) => {
      await createSchema(client, options.schema);
      await dataSource.runMigrations({ transaction: 'each' });
    });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
