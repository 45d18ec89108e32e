export * from './domain/liveness-verdict';
export * from './liveness-table';
export * from './postgres-liveness-store';
