import { isObservable, lastValueFrom, Observable } from 'rxjs';
import { HandlerOutcome, isHandlerOutcome, Outcome } from '../handler-outcome';
import { outcomeOfError } from './outcome-of-error';

/**
 * Unwraps what Nest's handler chain returned (a value, a Promise, or an Observable when
 * interceptors or filters ran) into the handler's outcome. An error on the way, an erroring
 * Observable or no outcome at all is never an ack: it becomes a retry, or `unavailable`.
 */
export async function outcomeOfResult(result: unknown): Promise<HandlerOutcome> {
  let value: unknown;
  try {
    const settled = await result;
    value = isObservable(settled) ? await lastValueFrom(settled as Observable<unknown>, { defaultValue: undefined }) : settled;
  } catch (error) {
    return outcomeOfError(error);
  }
  if (isHandlerOutcome(value)) return value;
  return Outcome.retry(`handler returned no outcome (got ${describe(value)})`);
}

function describe(value: unknown): string {
  return value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value)).slice(0, 80);
}
