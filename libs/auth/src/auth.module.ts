import { DynamicModule, Global, Module } from '@nestjs/common';
import { AUTH_SECRET, AuthGuard } from './auth.guard';
import { ControlRoomGuard } from './control-room.guard';

/** Token verification for HTTP and socket.io, global to the process. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(secret: string): DynamicModule {
    return {
      module: AuthModule,
      providers: [{ provide: AUTH_SECRET, useValue: secret }, AuthGuard, ControlRoomGuard],
      exports: [AUTH_SECRET, AuthGuard, ControlRoomGuard],
    };
  }
}
