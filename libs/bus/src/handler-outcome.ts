/**
 * What a message handler decided. Only the bus adapter turns it into JetStream acknowledgements:
 * `done` → ack (the handler has committed its work), `retry` → nak with backoff (a transient
 * fault such as the database being down), `reject` → dead letter and term (it can never succeed).
 */
export type HandlerOutcome =
  | { kind: 'done'; reason: string }
  | { kind: 'retry'; reason: string }
  | { kind: 'reject'; reason: string };

/** Constructors for {@link HandlerOutcome}; the reason becomes a log field and a metric label. */
export const Outcome = {
  done: (reason = 'processed'): HandlerOutcome => ({ kind: 'done', reason }),
  retry: (reason: string): HandlerOutcome => ({ kind: 'retry', reason }),
  reject: (reason: string): HandlerOutcome => ({ kind: 'reject', reason }),
};
