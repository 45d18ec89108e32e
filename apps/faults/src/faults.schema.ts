/** Faults' Postgres schema, also its TypeORM connection name. */
export const FAULTS_SCHEMA = 'faults';
