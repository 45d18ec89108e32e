import type { NotificationPushed, PushedAlert } from '@vigil/contracts';
import type { PostResult } from './api-client';
import { AcknowledgeState, acknowledgeState, canAcknowledge, noticeText, reasonText, waitingCount, whenText, withArrival } from './notification-list';

const anAlert = (fields: Partial<PushedAlert> = {}): PushedAlert => ({
  fingerprint: 'incident:a1',
  kind: 'incident',
  reference: 'INC-2026-000101',
  summary: 'Theft at Boots',
  status: 'firing',
  handling: 'unacknowledged',
  notice: 'incident-opened',
  labels: { kind: 'incident', town: 'Hitchin Town Centre', grade: '3' },
  tetraEmergency: false,
  startsAt: '2026-11-28T22:50:00.000Z',
  endsAt: null,
  ...fields,
});
const aNotification = (deliveryId: string, alerts = [anAlert()]): NotificationPushed => ({ deliveryId, receiver: 'police', audience: 'police', reason: 'first-notification', alerts, sentAt: '2026-11-28T23:00:00.000Z' });

describe('the tray', () => {
  it('puts the newest first, keeps each delivery once, and drops the oldest beyond the limit', () => {
    let tray: NotificationPushed[] = [];
    for (const id of ['d1', 'd2', 'd3', 'd2', 'd4']) tray = withArrival(tray, aNotification(id), 3);
    expect(tray.map((n) => n.deliveryId)).toEqual(['d4', 'd3', 'd2']);
  });

  it.each<[string, boolean, Partial<PushedAlert>]>([
    ['a firing alert nobody has taken', true, {}],
    ['a firing alert someone acknowledged', false, { handling: 'acknowledged' }],
    ['a firing alert in progress', false, { handling: 'in-progress' }],
    ['a resolved alert', false, { status: 'resolved', endsAt: '2026-11-28T23:10:00.000Z' }],
  ])('offers to acknowledge %s: %s', (_case, offered, fields) => {
    expect(canAcknowledge(anAlert(fields))).toBe(offered);
  });

  it('counts each waiting alert once, however many notifications name it, and not once settled here', () => {
    const tray = [aNotification('d2', [anAlert(), anAlert({ fingerprint: 'fault:t1' })]), aNotification('d1'), aNotification('d0', [anAlert({ fingerprint: 'incident:gone', status: 'resolved' })])];
    expect(waitingCount(tray, new Set())).toBe(2);
    expect(waitingCount(tray, new Set(['incident:a1']))).toBe(1);
  });

  it.each([
    ['first-notification', 'New'],
    ['repeat-interval-elapsed', 'Reminder: still needs someone'],
    ['all-resolved', 'All resolved'],
    ['escalation-step-2', 'Escalation step 2'],
  ])('says why: %s → %s', (reason, text) => {
    expect(reasonText(reason)).toBe(text);
  });

  it('says what changed in words', () => {
    expect(noticeText('sla-breached')).toBe('sla breached');
  });

  it('gives the time of day in 24-hour en-GB, and the date when it is not today', () => {
    const sentAt = new Date(2026, 10, 28, 23, 5, 9).toISOString();
    expect(whenText(sentAt, new Date(2026, 10, 28, 23, 30).getTime())).toBe('23:05:09');
    expect(whenText(sentAt, new Date(2026, 10, 29, 0, 30).getTime())).toBe('28 Nov 23:05:09');
  });
});

describe('acknowledgeState', () => {
  it.each<[string, PostResult, AcknowledgeState]>([
    ['200', { kind: 'done', answer: {} }, { kind: 'acknowledged' }],
    ['409 with the reason', { kind: 'conflict', answer: { statusCode: 409, message: 'Already acknowledged by op-ann at 23:01' } }, { kind: 'refused', message: 'Already acknowledged by op-ann at 23:01' }],
    ['409 without a body', { kind: 'conflict', answer: null }, { kind: 'refused', message: 'Not acknowledged: it changed meanwhile' }],
    ['404', { kind: 'failed', status: 404, message: 'Cannot POST /api/notify/alerts/incident%3Aa1/acknowledge' }, { kind: 'failed', message: 'Not acknowledged: Cannot POST /api/notify/alerts/incident%3Aa1/acknowledge (404)' }],
    ['no network', { kind: 'failed', status: 0, message: 'cannot reach Vigil' }, { kind: 'failed', message: 'Not acknowledged: cannot reach Vigil' }],
  ])('%s', (_case, result, state) => {
    expect(acknowledgeState(result)).toEqual(state);
  });
});
