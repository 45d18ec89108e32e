/** Notify's Postgres schema, also its TypeORM connection name. */
export const NOTIFY_SCHEMA = 'notify';
