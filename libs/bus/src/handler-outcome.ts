/**
 * What a message handler decided. Only the bus adapter turns it into JetStream acknowledgements:
 * `done` → ack (the handler has committed its work), `retry` → nak with backoff (something about
 * this message may succeed later; spends a delivery),
 * `unavailable` → keep the message and try again once the named dependency is back (spends no
 * delivery), `reject` → dead letter and term (it can never succeed).
 */
export type HandlerOutcome =
  | { kind: 'done'; reason: string }
  | { kind: 'retry'; reason: string }
  | { kind: 'unavailable'; dependency: string; reason: string }
  | { kind: 'reject'; reason: string };

/** Constructors for {@link HandlerOutcome}; the reason becomes a log field and a metric label. */
export const Outcome = {
  done: (reason = 'processed'): HandlerOutcome => ({ kind: 'done', reason }),
  retry: (reason: string): HandlerOutcome => ({ kind: 'retry', reason }),
  unavailable: (dependency: string, reason: string): HandlerOutcome => ({ kind: 'unavailable', dependency, reason }),
  reject: (reason: string): HandlerOutcome => ({ kind: 'reject', reason }),
};
