import { anAlert, at, NOW } from '../../testing/notify-fixtures';
import type { Alert } from '../alerts/alert';
import { DedupDecision, needsUpdate } from './needs-update';
import { entryAfterSend, NotificationLogEntry } from './notification-log-entry';

const a = anAlert({ fingerprint: 'incident:a', noticeVersion: 1 });
const b = anAlert({ fingerprint: 'incident:b', noticeVersion: 1 });
const resolved = (alert: Alert): Alert => ({ ...alert, status: 'resolved' });
const entry = (firing: Record<string, number>, resolvedOnes: string[] = [], sentAt = at(-60)): NotificationLogEntry => ({ groupKey: 'g', channel: 'police/webhook/0', firing, resolved: resolvedOnes, sentAt });
const HOUR = 3_600_000;

describe('needsUpdate', () => {
  it.each<[string, NotificationLogEntry | null, Alert[], boolean, DedupDecision]>([
    ['never sent, one firing', null, [a], true, { notify: true, reason: 'first-notification' }],
    ['never sent, only resolved', null, [resolved(a)], true, { notify: false, reason: 'nothing-firing' }],
    ['sent a, now a and b', entry({ 'incident:a': 1 }), [a, b], true, { notify: true, reason: 'new-alerts-in-group' }],
    ['last sent all resolved, now firing again', entry({}, ['incident:a']), [a], true, { notify: true, reason: 'first-notification' }],
    ['a new call on a since it was told', entry({ 'incident:a': 1 }), [{ ...a, version: 3, noticeVersion: 3 }], true, { notify: true, reason: 'alerts-changed' }],
    ['a note on a since (version moved, notice did not)', entry({ 'incident:a': 1 }), [{ ...a, version: 2 }], true, { notify: false, reason: 'already-notified' }],
    ['all resolved since told firing', entry({ 'incident:a': 1, 'incident:b': 1 }), [resolved(a), resolved(b)], true, { notify: true, reason: 'all-resolved' }],
    ['all resolved, even to a channel not told of resolutions', entry({ 'incident:a': 1 }), [resolved(a)], false, { notify: true, reason: 'all-resolved' }],
    ['fired and resolved between flushes, never told', entry({}, ['incident:a']), [resolved(b)], true, { notify: false, reason: 'resolved-unseen' }],
    ['one of two resolved', entry({ 'incident:a': 1, 'incident:b': 1 }), [resolved(a), b], true, { notify: true, reason: 'newly-resolved' }],
    ['one of two resolved, channel not told of resolutions', entry({ 'incident:a': 1, 'incident:b': 1 }), [resolved(a), b], false, { notify: false, reason: 'already-notified' }],
    ['one resolved that was never told firing', entry({ 'incident:b': 1 }), [resolved(a), b], true, { notify: false, reason: 'already-notified' }],
    ['nothing new, inside the repeat interval', entry({ 'incident:a': 1 }), [a], true, { notify: false, reason: 'already-notified' }],
    ['nothing new, the repeat interval elapsed', entry({ 'incident:a': 1 }, [], at(-3600)), [a], true, { notify: true, reason: 'repeat-interval-elapsed' }],
  ])('%s', (_case, logged, alerts, sendResolved, decision) => {
    expect(needsUpdate(logged, alerts, { sendResolved, repeatIntervalMs: HOUR }, NOW)).toEqual(decision);
  });

  it('is quiet after recording what it sent, until something changes', () => {
    const sent = entryAfterSend('g', 'police/webhook/0', [a, resolved(b)], NOW);
    expect(sent).toEqual({ groupKey: 'g', channel: 'police/webhook/0', firing: { 'incident:a': 1 }, resolved: ['incident:b'], sentAt: NOW });
    expect(needsUpdate(sent, [a, resolved(b)], { sendResolved: true, repeatIntervalMs: HOUR }, at(60))).toEqual({ notify: false, reason: 'already-notified' });
  });
});
