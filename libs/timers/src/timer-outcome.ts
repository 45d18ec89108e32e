/**
 * What a timer handler decided, as the bus's handler outcomes do for messages: `done` → the
 * timer is finished and removed; `retry` → it runs again after a backoff (as does a handler
 * that throws); `give-up` → it never runs again and is kept, with the reason, for people to see.
 */
export type TimerOutcome =
  | { kind: 'done'; reason: string }
  | { kind: 'retry'; reason: string }
  | { kind: 'give-up'; reason: string };

/** Constructors for {@link TimerOutcome}; the reason becomes a log field and the kept error. */
export const TimerResult = {
  done: (reason = 'fired'): TimerOutcome => ({ kind: 'done', reason }),
  retry: (reason: string): TimerOutcome => ({ kind: 'retry', reason }),
  giveUp: (reason: string): TimerOutcome => ({ kind: 'give-up', reason }),
};
