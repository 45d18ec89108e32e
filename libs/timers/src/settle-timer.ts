import type { TimerOutcome } from './timer-outcome';

/** What the runner does with a timer after its handler ran. */
export type Settlement =
  | { action: 'complete'; reason: string }
  | { action: 'retry'; reason: string }
  | { action: 'keep'; reason: string };

/**
 * Turns a handler's outcome, or what it threw, into what happens to the timer. A throw is
 * treated as transient (database down, peer timeout), like on the bus; a retry on the last
 * attempt is kept rather than dropped.
 */
export function settleTimer(result: { outcome: TimerOutcome } | { thrown: unknown }, attempt: number, maxAttempts: number): Settlement {
  const lastAttempt = attempt >= maxAttempts;
  if ('thrown' in result) {
    const message = result.thrown instanceof Error ? result.thrown.message : String(result.thrown);
    return lastAttempt ? { action: 'keep', reason: `attempts-exhausted: ${message}` } : { action: 'retry', reason: `threw: ${message}` };
  }
  const { outcome } = result;
  if (outcome.kind === 'done') return { action: 'complete', reason: outcome.reason };
  if (outcome.kind === 'give-up') return { action: 'keep', reason: `gave-up: ${outcome.reason}` };
  return lastAttempt ? { action: 'keep', reason: `attempts-exhausted: ${outcome.reason}` } : { action: 'retry', reason: outcome.reason };
}
