export * from './platform.config';
export * from './platform.module';
export * from './bootstrap';
export * from './zod-body.pipe';
export * from './configure-http';
export * from './bounded-raw-body';
export * from './auth-secret';
export * from './demo-banner';
