import type { DeliveryResult } from './delivery-result';

/** Statuses that say "not now" rather than "never": timeout, too early, too many requests, and every 5xx. */
const TRANSIENT_4XX = [408, 425, 429];

/**
 * How the HTTP channels (webhook, SMS/pager) read a response: 2xx delivered; 408, 425, 429 and 5xx
 * worth retrying, honouring Retry-After; any other 4xx (and a redirect, which a signed body must
 * not follow) will fail the same way again and goes to the dead letters.
 */
export function classifyHttpResponse(status: number, retryAfter: string | null, now: Date): DeliveryResult {
  if (status >= 200 && status < 300) return { ok: true };
  const recoverable = status >= 500 || TRANSIENT_4XX.includes(status);
  const wait = recoverable ? retryAfterMs(retryAfter, now) : undefined;
  return { ok: false, recoverable, status, message: `HTTP ${status}`, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
}

/** Retry-After as delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

/** Network failures that a later attempt may get past; a certificate error or a bad URL will not. */
const TRANSIENT_NETWORK_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET'];

/** How the HTTP channels read a failure before any response. */
export function classifyNetworkFailure(code: string | undefined, message: string): DeliveryResult {
  return { ok: false, recoverable: code !== undefined && TRANSIENT_NETWORK_CODES.includes(code), message: code ? `${code}: ${message}` : message };
}
