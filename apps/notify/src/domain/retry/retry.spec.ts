import { at, NOW } from '../../testing/notify-fixtures';
import type { DeliveryResult } from './delivery-result';
import { classifyHttpResponse, classifyNetworkFailure } from './http-failure';
import { decideRetry, DEFAULT_RETRY_POLICY, RetryDecision } from './retry-decision';

describe('classifyHttpResponse', () => {
  it.each<[number, string | null, DeliveryResult]>([
    [200, null, { ok: true }],
    [204, null, { ok: true }],
    [500, null, { ok: false, recoverable: true, status: 500, message: 'HTTP 500' }],
    [503, '120', { ok: false, recoverable: true, status: 503, message: 'HTTP 503', retryAfterMs: 120_000 }],
    [429, 'Sat, 28 Nov 2026 23:00:30 GMT', { ok: false, recoverable: true, status: 429, message: 'HTTP 429', retryAfterMs: 30_000 }],
    [429, 'soon', { ok: false, recoverable: true, status: 429, message: 'HTTP 429' }],
    [408, null, { ok: false, recoverable: true, status: 408, message: 'HTTP 408' }],
    [400, '60', { ok: false, recoverable: false, status: 400, message: 'HTTP 400' }],
    [401, null, { ok: false, recoverable: false, status: 401, message: 'HTTP 401' }],
    [404, null, { ok: false, recoverable: false, status: 404, message: 'HTTP 404' }],
    [301, null, { ok: false, recoverable: false, status: 301, message: 'HTTP 301' }],
  ])('HTTP %i (Retry-After %s)', (status, retryAfter, result) => {
    expect(classifyHttpResponse(status, retryAfter, NOW)).toEqual(result);
  });

  it.each<[string | undefined, boolean]>([
    ['ECONNREFUSED', true],
    ['ETIMEDOUT', true],
    ['EAI_AGAIN', true],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', false],
    [undefined, false],
  ])('a network failure %s is recoverable: %s', (code, recoverable) => {
    expect(classifyNetworkFailure(code, 'failed')).toMatchObject({ ok: false, recoverable });
  });
});

describe('decideRetry', () => {
  const failed = (fields: Partial<Extract<DeliveryResult, { ok: false }>> = {}): DeliveryResult => ({ ok: false, recoverable: true, message: 'HTTP 503', status: 503, ...fields });

  it.each<[string, DeliveryResult, number, Date, RetryDecision]>([
    ['delivered', { ok: true }, 1, NOW, { action: 'done', reason: 'delivered' }],
    ['a 503 on the first attempt', failed(), 1, NOW, { action: 'retry', delayMs: 1000, reason: 'recoverable-failure' }],
    ['a 503 on the fourth attempt backs off', failed(), 4, at(20), { action: 'retry', delayMs: 8000, reason: 'recoverable-failure' }],
    ['backoff is capped', failed(), 9, at(300), { action: 'retry', delayMs: 60_000, reason: 'recoverable-failure' }],
    ['Retry-After longer than the backoff is honoured', failed({ status: 429, retryAfterMs: 30_000 }), 1, NOW, { action: 'retry', delayMs: 30_000, reason: 'retry-after' }],
    ['Retry-After shorter than the backoff keeps the backoff', failed({ retryAfterMs: 500 }), 3, at(5), { action: 'retry', delayMs: 4000, reason: 'recoverable-failure' }],
    ['Retry-After beyond the deadline', failed({ retryAfterMs: 3_600_000 }), 1, NOW, { action: 'dead-letter', reason: 'deadline-passed' }],
    ['a 4xx is never retried', failed({ recoverable: false, status: 422, message: 'HTTP 422' }), 1, NOW, { action: 'dead-letter', reason: 'client-error' }],
    ['a certificate error is never retried', failed({ recoverable: false, status: undefined, message: 'CERT_HAS_EXPIRED' }), 1, NOW, { action: 'dead-letter', reason: 'unrecoverable' }],
    ['the last attempt failed', failed(), 10, at(400), { action: 'dead-letter', reason: 'attempts-exhausted' }],
  ])('%s', (_case, result, attempt, now, decision) => {
    expect(decideRetry(result, attempt, NOW, now, DEFAULT_RETRY_POLICY)).toEqual(decision);
  });
});
