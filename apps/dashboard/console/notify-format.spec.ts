import { deliveryOutcome, matcherText } from './notify-format';
import type { Delivery } from './notify-types';

// 02:12 UTC in July is 03:12 in London (BST): the console reads London time.
const summer = '2026-07-04T02:12:00.000Z';

describe('matcherText', () => {
  it.each([
    [{ label: 'partner', equals: 'north-herts' }, 'partner = north-herts'],
    [{ label: 'grade', notEquals: '5' }, 'grade ≠ 5'],
    [{ label: 'town', matches: 'Hitchin|Letchworth' }, 'town ~ /Hitchin|Letchworth/'],
    [{ label: 'state', in: ['down', 'key-mismatch'] }, 'state one of down, key-mismatch'],
  ])('%j reads "%s"', (matcher, text) => expect(matcherText(matcher)).toBe(text));
});

describe('deliveryOutcome', () => {
  const delivery: Delivery = { id: 'd1', receiver: 'police', channel: 'police/webhook/0', channelType: 'webhook', reason: 'incident-opened', state: 'pending', plannedAt: summer, deliveredAt: null, attempts: [] };
  const failedTry = { attempt: 1, at: summer, durationMs: 120, ok: false, status: 503, error: 'service unavailable' };
  const goodTry = { attempt: 2, at: summer, durationMs: 80, ok: true, status: 200 };
  it.each<[string, Partial<Delivery>, string]>([
    ['planned', {}, 'planned for 03:12:00'],
    ['sending', { state: 'sending' }, 'sending…'],
    ['delivered first time', { state: 'delivered', deliveredAt: summer, attempts: [{ ...goodTry, attempt: 1 }] }, 'delivered 03:12:00'],
    ['delivered on a retry', { state: 'delivered', deliveredAt: summer, attempts: [failedTry, goodTry] }, 'delivered 03:12:00 after 2 tries'],
    ['retrying', { state: 'retrying', attempts: [failedTry] }, 'retrying: service unavailable (HTTP 503) (1 try so far)'],
    ['given up', { state: 'dead-letter', attempts: [failedTry, { ...failedTry, attempt: 2, status: undefined, error: 'connection refused' }] }, 'failed after 2 tries: connection refused'],
  ])('%s', (_case, change, text) => expect(deliveryOutcome({ ...delivery, ...change })).toBe(text));
});
