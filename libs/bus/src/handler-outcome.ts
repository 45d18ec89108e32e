/**
 * What a message handler decided. Only the bus adapter turns it into JetStream acknowledgements:
 * `done` → ack (the handler has committed its work), `retry` → nak with backoff (something about
 * this message may succeed later; spends a delivery),
 * `unavailable` → keep the message and try again once the named dependency is back (spends no
 * delivery), `reject` → dead letter and term (it can never succeed). A `retry` with `delayMs` is
 * redelivered no sooner than that (a peer's HTTP Retry-After) instead of after the usual backoff.
 */
export type HandlerOutcome =
  | { kind: 'done'; reason: string }
  | { kind: 'retry'; reason: string; delayMs?: number }
  | { kind: 'unavailable'; dependency: string; reason: string }
  | { kind: 'reject'; reason: string };

/** Constructors for {@link HandlerOutcome}; the reason becomes a log field and a metric label. */
export const Outcome = {
  done: (reason = 'processed'): HandlerOutcome => ({ kind: 'done', reason }),
  retry: (reason: string): HandlerOutcome => ({ kind: 'retry', reason }),
  retryAfter: (delayMs: number, reason: string): HandlerOutcome => ({ kind: 'retry', reason, delayMs }),
  unavailable: (dependency: string, reason: string): HandlerOutcome => ({ kind: 'unavailable', dependency, reason }),
  reject: (reason: string): HandlerOutcome => ({ kind: 'reject', reason }),
};

const KINDS = new Set(['done', 'retry', 'unavailable', 'reject']);

/** Whether a value a handler returned is a {@link HandlerOutcome}. */
export function isHandlerOutcome(value: unknown): value is HandlerOutcome {
  const candidate = value as { kind?: unknown; reason?: unknown } | null;
  return typeof candidate === 'object' && candidate !== null && KINDS.has(candidate.kind as string) && typeof candidate.reason === 'string';
}
