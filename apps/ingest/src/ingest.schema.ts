/** Ingest's Postgres schema, also its TypeORM connection name. */
export const INGEST_SCHEMA = 'ingest';
