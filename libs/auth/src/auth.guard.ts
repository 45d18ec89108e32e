import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { Principal } from './principal';
import { bearerToken, verifyToken } from './token';

/** Injection token for the secret that signs tokens. */
export const AUTH_SECRET = Symbol('AUTH_SECRET');

/** A request that passed {@link AuthGuard}. */
export interface AuthenticatedRequest extends Request {
  principal: Principal;
}

/** Requires a valid bearer token and puts its principal on the request. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(@Inject(AUTH_SECRET) private readonly secret: string) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new UnauthorizedException('send a bearer token: Authorization: Bearer <token>');
    const checked = verifyToken(token, this.secret);
    if (!checked.ok) throw new UnauthorizedException(checked.reason);
    request.principal = checked.principal;
    return true;
  }
}
