export * from './domain/liveness-verdict';
export * from './postgres-liveness-store';
