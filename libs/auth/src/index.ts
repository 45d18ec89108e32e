export * from './principal';
export * from './token';
export * from './auth.guard';
export * from './control-room.guard';
export * from './auth.module';
export * from './gateway-secret';
