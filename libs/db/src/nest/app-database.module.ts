import { DynamicModule, Logger } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions, MixedList } from 'typeorm';
import { HealthRegistry, STARTUP_WAIT_SECONDS } from '@vigil/observability';
import { startAppDataSource } from '../app-data-source';
import { ensureDatabase } from '../postgres-bootstrap';
import { SnakeNamingStrategy } from '../snake-naming.strategy';

/** One app's slice of Postgres: its own schema, entities and migrations. */
export interface AppDatabaseOptions {
  url: string;
  /** Also the TypeORM connection name, so `@InjectDataSource(schema)` finds it. */
  schema: string;
  entities: MixedList<Function>;
  migrations: MixedList<Function>;
  poolSize?: number;
}

/** Builds the TypeORM options an app runs with: migrations at start-up under a lock (see {@link startAppDataSource}), never `synchronize`. */
export function appDataSourceOptions(options: AppDatabaseOptions): DataSourceOptions & { url: string; schema: string } {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: options.poolSize ?? 10, application_name: `vigil-${options.schema}` },
  };
}

/** A named TypeORM connection for one app; creates the database and schema if missing, migrates, and registers a health check. */
export function appDatabaseModule(options: AppDatabaseOptions): DynamicModule {
  let dataSource: DataSource | undefined;
  return TypeOrmModule.forRootAsync({
    name: options.schema,
    inject: [HealthRegistry, { token: STARTUP_WAIT_SECONDS, optional: true }],
    useFactory: async (health: HealthRegistry, startupWaitSeconds?: number) => {
      const logger = new Logger('Database');
      await ensureDatabase(options.url, {
        giveUpAfterSeconds: startupWaitSeconds,
        log: (line) => logger.warn({ msg: line, schema: options.schema }),
      });
      health.register(`postgres:${options.schema}`, async () => {
        await dataSource?.query('SELECT 1');
        return { name: `postgres:${options.schema}`, up: dataSource?.isInitialized === true };
      });
      return { ...appDataSourceOptions(options), name: options.schema };
    },
    dataSourceFactory: async (dataSourceOptions) => {
      dataSource = await startAppDataSource({ ...dataSourceOptions!, url: options.url, schema: options.schema });
      return dataSource;
    },
  });
}
