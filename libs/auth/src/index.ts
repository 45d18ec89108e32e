export * from './principal';
export * from './token';
export * from './auth.guard';
export * from './auth.module';
