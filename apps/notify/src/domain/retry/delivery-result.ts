/**
 * How one attempt on a channel ended, as the channel itself classifies it: Alertmanager's
 * `(recoverable, err)`, plus the peer's status and Retry-After where it gave them.
 */
export type DeliveryResult = { ok: true } | { ok: false; recoverable: boolean; message: string; status?: number; retryAfterMs?: number };
