import { deliveryOutcome, escalationText, matcherText } from './notify-format';
import type { Delivery, EscalationStatus } from './notify-types';

// 02:12 UTC in March is 02:12 in London; 02:12 UTC in July is 03:12 (BST): the console reads London time.
const winter = '2026-03-04T02:12:00.000Z';
const summer = '2026-07-04T02:12:00.000Z';

describe('matcherText', () => {
  it.each([
    [{ label: 'partner', equals: 'north-herts' }, 'partner = north-herts'],
    [{ label: 'grade', notEquals: '5' }, 'grade ≠ 5'],
    [{ label: 'town', matches: 'Hitchin|Letchworth' }, 'town ~ /Hitchin|Letchworth/'],
    [{ label: 'state', in: ['down', 'key-mismatch'] }, 'state one of down, key-mismatch'],
  ])('%j reads "%s"', (matcher, text) => expect(matcherText(matcher)).toBe(text));
});

describe('escalationText', () => {
  const base: EscalationStatus = { policy: 'police-then-supervisor', phase: 'escalating', level: 1, round: 0, nextAt: winter, acknowledgedBy: null };
  it.each<[string, Partial<EscalationStatus>, string]>([
    ['escalating, in winter', {}, 'Escalating: level 1 of policy police-then-supervisor, next at 02:12'],
    ['escalating, in summer (BST)', { nextAt: summer }, 'Escalating: level 1 of policy police-then-supervisor, next at 03:12'],
    ['escalating a second round', { level: 0, round: 1 }, 'Escalating: level 0 of policy police-then-supervisor, round 2, next at 02:12'],
    ['acknowledged, the time from the acknowledgement', { phase: 'acknowledged', acknowledgedBy: 'op-7', nextAt: null }, 'Acknowledged by op-7 at 03:05'],
    ['acknowledged, watching for progress', { phase: 'acknowledged', acknowledgedBy: 'op-7' }, 'Acknowledged by op-7 at 03:05; escalates again at 02:12 unless work starts'],
    ['in progress', { phase: 'in-progress', acknowledgedBy: 'op-7' }, 'In progress (acknowledged by op-7 at 03:05)'],
    ['exhausted', { phase: 'exhausted', nextAt: null }, 'Escalation exhausted: every level of policy police-then-supervisor was told and nobody acknowledged'],
    ['resolved', { phase: 'resolved', nextAt: null }, 'Escalation over: resolved (policy police-then-supervisor)'],
  ])('%s', (_case, change, text) => {
    expect(escalationText({ ...base, ...change }, [{ by: 'op-7', at: '2026-07-04T02:05:00.000Z', via: 'console' }])).toBe(text);
  });
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
