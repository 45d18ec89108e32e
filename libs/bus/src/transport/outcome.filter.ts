import { ArgumentsHost, Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, of } from 'rxjs';
import { HandlerOutcome } from '../handler-outcome';
import { outcomeOfError } from './outcome-of-error';

/**
 * Every JetStream handler's last-resort filter: Nest's own would turn any error into an opaque
 * "Internal server error", losing whether a dependency is down. A handler's own filters, placed
 * above its `@OnEvents`, run first and may map errors to outcomes themselves.
 */
@Catch()
export class OutcomeFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<HandlerOutcome> {
    return of(outcomeOfError(exception));
  }
}
