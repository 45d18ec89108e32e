/** Triage's Postgres schema, also its TypeORM connection name. */
export const TRIAGE_SCHEMA = 'triage';
