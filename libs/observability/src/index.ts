export * from './metrics';
export * from './logger';
export * from './health';
export * from './observability.module';
export * from './startup-wait';
export * from './redact-url';
