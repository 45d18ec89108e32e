import { DynamicModule, Global, Module } from '@nestjs/common';
import { AUTH_SECRET, AuthGuard } from './auth.guard';

/** Token verification for HTTP and socket.io, global to the process. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(secret: string): DynamicModule {
    return {
      module: AuthModule,
      providers: [{ provide: AUTH_SECRET, useValue: secret }, AuthGuard],
      exports: [AUTH_SECRET, AuthGuard],
    };
  }
}
