import type { DeliveryResult } from './delivery-result';

/** How a channel retries: exponential backoff between attempts, up to a number of attempts and a deadline. */
export interface RetryPolicy {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  multiplier: number;
  /** After this long since the first attempt a message is stale: an alert an hour late helps nobody. */
  deadlineMs: number;
}

/** 1 s, 2 s, 4 s… capped at 1 min, 10 attempts, within 15 minutes. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 10, initialDelayMs: 1000, maxDelayMs: 60_000, multiplier: 2, deadlineMs: 900_000 };

/** After an attempt: delivered, try again after a delay, or keep it as a dead letter; and why. */
export type RetryDecision =
  | { action: 'done'; reason: 'delivered' }
  | { action: 'retry'; delayMs: number; reason: 'recoverable-failure' | 'retry-after' }
  | { action: 'dead-letter'; reason: 'client-error' | 'unrecoverable' | 'attempts-exhausted' | 'deadline-passed' };

/**
 * Only a failure the channel calls recoverable is retried (Alertmanager's RetryStage); the peer's
 * Retry-After is honoured when longer than our backoff; a 4xx the channel does not call recoverable
 * is a client error kept as a dead letter for people to look at.
 */
export function decideRetry(result: DeliveryResult, attempt: number, firstAttemptAt: Date, now: Date, policy: RetryPolicy): RetryDecision {
  if (result.ok) return { action: 'done', reason: 'delivered' };
  if (!result.recoverable) return { action: 'dead-letter', reason: result.status !== undefined && result.status >= 400 && result.status < 500 ? 'client-error' : 'unrecoverable' };
  if (attempt >= policy.maxAttempts) return { action: 'dead-letter', reason: 'attempts-exhausted' };
  const backoff = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** (attempt - 1));
  const peerAsks = result.retryAfterMs !== undefined && result.retryAfterMs > backoff;
  const delayMs = peerAsks ? (result.retryAfterMs as number) : backoff;
  if (now.getTime() + delayMs - firstAttemptAt.getTime() > policy.deadlineMs) return { action: 'dead-letter', reason: 'deadline-passed' };
  return { action: 'retry', delayMs, reason: peerAsks ? 'retry-after' : 'recoverable-failure' };
}
