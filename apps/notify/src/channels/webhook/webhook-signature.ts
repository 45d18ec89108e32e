import { createHmac, timingSafeEqual } from 'node:crypto';

/** The delivery's id, the same on every attempt: a receiver that has seen it already has this message. */
export const WEBHOOK_DELIVERY_HEADER = 'x-vigil-delivery';
/** Unix seconds when the body was signed; part of what is signed, so it cannot be changed alone. */
export const WEBHOOK_TIMESTAMP_HEADER = 'x-vigil-timestamp';
/** `sha256=` and the hex HMAC-SHA256 of `${timestamp}.${body}` under the receiver's secret. */
export const WEBHOOK_SIGNATURE_HEADER = 'x-vigil-signature';
/** How old a signed request a receiver should still accept, and how far in the future (clock skew). */
export const WEBHOOK_REPLAY_WINDOW_MS = 5 * 60_000;

const SCHEME = 'sha256=';

/** The signature header's value for a body signed at `timestamp` (Unix seconds, as sent in the header). */
export function signWebhookBody(secret: string, timestamp: string, body: string): string {
  return SCHEME + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** What a receiver has of a request: the two headers as they came (absent if missing) and the raw body. */
export interface SignedWebhookRequest {
  timestamp: string | undefined;
  signature: string | undefined;
  /** The body exactly as received, before any JSON parsing: re-serialising would change the bytes. */
  body: string;
}

/** Why a signed webhook request was refused. */
export type WebhookSignatureRefusal = 'missing-headers' | 'malformed-timestamp' | 'outside-replay-window' | 'bad-signature';

/** The verdict of {@link verifyWebhookSignature}. */
export type WebhookSignatureCheck = { ok: true } | { ok: false; reason: WebhookSignatureRefusal };

/**
 * How a receiver checks a request from Vigil (and how our tests do): the timestamp must lie within
 * the replay window of the receiver's own clock, so a captured request cannot be replayed later,
 * and the signature must equal the HMAC-SHA256 of `${timestamp}.${rawBody}` under the shared
 * secret, compared in constant time. A receiver that must not act twice also remembers the
 * signatures it accepted for the length of the window.
 */
export function verifyWebhookSignature(request: SignedWebhookRequest, secret: string, now: Date, replayWindowMs = WEBHOOK_REPLAY_WINDOW_MS): WebhookSignatureCheck {
  const { timestamp, signature, body } = request;
  if (timestamp === undefined || signature === undefined) return { ok: false, reason: 'missing-headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed-timestamp' };
  if (Math.abs(now.getTime() - Number(timestamp) * 1000) > replayWindowMs) return { ok: false, reason: 'outside-replay-window' };
  const expected = Buffer.from(signWebhookBody(secret, timestamp, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  return { ok: true };
}
