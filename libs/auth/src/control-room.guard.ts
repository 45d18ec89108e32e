import { ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { AuthenticatedRequest, AuthGuard } from './auth.guard';
import { isControlRoomStaff } from './principal';

/** Requires a valid token of control-room staff (police, operator or supervisor): dead letters, source supervision, registers. */
@Injectable()
export class ControlRoomGuard extends AuthGuard {
  canActivate(context: ExecutionContext): boolean {
    super.canActivate(context);
    const { principal } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!isControlRoomStaff(principal)) throw new ForbiddenException('this is for control-room staff (police, operator or supervisor tokens)');
    return true;
  }
}
