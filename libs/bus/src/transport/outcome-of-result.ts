import { isObservable, lastValueFrom, Observable } from 'rxjs';
import { HandlerOutcome, isHandlerOutcome, Outcome } from '../handler-outcome';
import { outcomeOfError } from './outcome-of-error';

/**
 * Unwraps what Nest's handler chain returned (a value, a Promise, or an Observable when
 * interceptors or filters ran) into the handler's outcome. An error on the way, an erroring
 * Observable or no outcome at all is never an ack: it becomes a retry, or `unavailable`.
 */
export async function outcomeOfResult(result: unknown): Promise<HandlerOutcome> {
  const value = await unwrap(result);
  if (!value.ok) return value.outcome;
  if (isHandlerOutcome(value.value)) return value.value;
  return Outcome.retry(`handler returned no outcome (got ${describe(value.value)})`);
}

/** The same for a batch handler: one outcome per message, or the one error's outcome for all of them. */
export async function outcomesOfBatchResult(result: unknown, count: number): Promise<HandlerOutcome[]> {
  const value = await unwrap(result);
  if (!value.ok) return Array.from({ length: count }, () => value.outcome);
  const outcomes = value.value;
  // A filter maps a batch handler's error to one outcome: it is every message's.
  if (isHandlerOutcome(outcomes)) return Array.from({ length: count }, () => outcomes);
  if (Array.isArray(outcomes) && outcomes.length === count && outcomes.every(isHandlerOutcome)) return outcomes;
  const retry = Outcome.retry(`batch handler returned no outcome per message (got ${describe(outcomes)} for ${count} messages)`);
  return Array.from({ length: count }, () => retry);
}

async function unwrap(result: unknown): Promise<{ ok: true; value: unknown } | { ok: false; outcome: HandlerOutcome }> {
  try {
    const settled = await result;
    return { ok: true, value: isObservable(settled) ? await lastValueFrom(settled as Observable<unknown>, { defaultValue: undefined }) : settled };
  } catch (error) {
    return { ok: false, outcome: outcomeOfError(error) };
  }
}

function describe(value: unknown): string {
  return value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value)).slice(0, 80);
}
