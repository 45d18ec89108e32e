export * from './postgres-bootstrap';
export * from './outbox';
export * from './outbox-relay';
export * from './snake-naming.strategy';
export * from './nest/app-database.module';
export * from './nest/app-outbox';
export * from './run-migrations-exclusively';
