import { DynamicModule, Logger } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions, MixedList } from 'typeorm';
import { HealthRegistry, STARTUP_WAIT_SECONDS } from '@vigil/observability';
import { ensureDatabaseAndSchema } from '../postgres-bootstrap';
import { runMigrationsExclusively } from '../run-migrations-exclusively';
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

/** Builds the TypeORM options an app runs with: migrations at start-up (one replica at a time), never `synchronize`. */
export function appDataSourceOptions(options: AppDatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    // Run by runMigrationsExclusively after connecting, not by TypeORM, which takes no lock.
    migrationsRun: false,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: options.poolSize ?? 10, application_name: `vigil-${options.schema}` },
  };
}

/** A named TypeORM connection for one app; creates the database and schema if missing and registers a health check. */
export function appDatabaseModule(options: AppDatabaseOptions): DynamicModule {
  let dataSource: DataSource | undefined;
  return TypeOrmModule.forRootAsync({
    name: options.schema,
    inject: [HealthRegistry, { token: STARTUP_WAIT_SECONDS, optional: true }],
    useFactory: async (health: HealthRegistry, startupWaitSeconds?: number) => {
      const logger = new Logger('Database');
      await ensureDatabaseAndSchema(options.url, options.schema, {
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
      dataSource = await new DataSource(dataSourceOptions!).initialize();
      await runMigrationsExclusively(dataSource, options.schema);
      return dataSource;
    },
  });
}
