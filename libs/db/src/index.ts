export * from './postgres-bootstrap';
export * from './schema-lock';
export * from './app-data-source';
export * from './outbox';
export * from './outbox-relay';
export * from './snake-naming.strategy';
export * from './nest/app-database.module';
export * from './nest/app-outbox';
