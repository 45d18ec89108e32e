import { anAlert, at, NOW } from '../../testing/notify-fixtures';
import { PARTNERSHIP_ROUTING } from '../../testing/routing-fixtures';
import type { Alert } from '../alerts/alert';
import { parseRoutingConfig } from '../routing/parse-routing-config';
import { routeAlert } from '../routing/route-alert';
import type { MatchedRoute } from '../routing/routing-tree';
import { decideFlush, FlushDecision, GroupTiming, groupClosesAfterFlush, JoinDecision, onAlertJoined } from './group-flush';
import { groupKeyOf } from './group-key';

const parsed = parseRoutingConfig(PARTNERSHIP_ROUTING);
if (!parsed.ok) throw new Error('fixture');
const [dutyOfficer] = routeAlert(anAlert(), parsed.tree);
const [police] = routeAlert(anAlert({ labels: { police: 'needed' } }), parsed.tree);
const route: MatchedRoute = { ...dutyOfficer, groupWaitMs: 30_000, groupIntervalMs: 300_000 };

describe('groupKeyOf', () => {
  it.each<[string, Alert, MatchedRoute, string]>([
    ['by partner and town', anAlert(), dutyOfficer, 'everything/north-herts-incidents:{partner="north-herts",town="Hitchin Town Centre"}'],
    ['another incident in the same town joins it', anAlert({ fingerprint: 'incident:b', labels: { category: 'Assault' } }), dutyOfficer, 'everything/north-herts-incidents:{partner="north-herts",town="Hitchin Town Centre"}'],
    ['a town-less incident has its own group', anAlert({ labels: { town: undefined } }), dutyOfficer, 'everything/north-herts-incidents:{partner="north-herts",town=""}'],
    ['by `...`: one group per alert', anAlert({ labels: { police: 'needed' } }), police, 'everything/police-incidents:{fingerprint="incident:a1"}'],
  ])('%s', (_case, alert, on, key) => {
    expect(groupKeyOf(alert, on)).toBe(key);
  });
});

describe('onAlertJoined', () => {
  const waiting: GroupTiming = { createdAt: at(-10), lastFlushAt: null, flushAt: at(20) };
  const flushed: GroupTiming = { createdAt: at(-600), lastFlushAt: at(-60), flushAt: at(240) };

  it.each<[string, GroupTiming | null, Alert, JoinDecision]>([
    ['a new group waits the group wait', null, anAlert(), { group: { createdAt: NOW, lastFlushAt: null, flushAt: at(30) }, reason: 'new-group-waits' }],
    ['a grade 1 skips it', null, anAlert({ labels: { grade: '1' } }), { group: { createdAt: NOW, lastFlushAt: null, flushAt: NOW }, reason: 'grade-1' }],
    ['a TETRA emergency skips it', null, anAlert({ tetraEmergency: true, labels: { grade: '2' } }), { group: { createdAt: NOW, lastFlushAt: null, flushAt: NOW }, reason: 'tetra-emergency' }],
    ['a fault never skips it', null, anAlert({ labels: { kind: 'fault', grade: '1' } }), { group: { createdAt: NOW, lastFlushAt: null, flushAt: at(30) }, reason: 'new-group-waits' }],
    ['joining a waiting group', waiting, anAlert(), { group: waiting, reason: 'joins-next-flush' }],
    ['a grade 1 joining a waiting group brings it forward', waiting, anAlert({ labels: { grade: '1' } }), { group: { ...waiting, flushAt: NOW }, reason: 'emergency-flushes-now' }],
    ['a grade 1 joining between intervals goes now too', flushed, anAlert({ labels: { grade: '1' } }), { group: { ...flushed, flushAt: NOW }, reason: 'emergency-flushes-now' }],
    ['joining between intervals waits for the next', flushed, anAlert(), { group: flushed, reason: 'joins-next-flush' }],
  ])('%s', (_case, group, alert, decision) => {
    expect(onAlertJoined(group, alert, route, NOW)).toEqual(decision);
  });
});

describe('decideFlush', () => {
  it.each<[string, GroupTiming, FlushDecision]>([
    ['before the group wait ends', { createdAt: at(-10), lastFlushAt: null, flushAt: at(20) }, { flush: false, reason: 'not-due', wakeAt: at(20) }],
    ['when the group wait ends', { createdAt: at(-30), lastFlushAt: null, flushAt: NOW }, { flush: true, reason: 'group-wait-elapsed', group: { createdAt: at(-30), lastFlushAt: NOW, flushAt: at(300) } }],
    ['inside the group interval', { createdAt: at(-400), lastFlushAt: at(-100), flushAt: at(200) }, { flush: false, reason: 'not-due', wakeAt: at(200) }],
    ['after the group interval', { createdAt: at(-700), lastFlushAt: at(-300), flushAt: NOW }, { flush: true, reason: 'group-interval-elapsed', group: { createdAt: at(-700), lastFlushAt: NOW, flushAt: at(300) } }],
  ])('%s', (_case, group, decision) => {
    expect(decideFlush(group, route, NOW)).toEqual(decision);
  });
});

describe('groupClosesAfterFlush', () => {
  it.each<[string, Alert[], boolean]>([
    ['all resolved', [anAlert({ status: 'resolved' })], true],
    ['one still firing', [anAlert({ status: 'resolved' }), anAlert({ fingerprint: 'incident:b' })], false],
  ])('%s', (_case, alerts, close) => {
    expect(groupClosesAfterFlush(alerts).close).toBe(close);
  });
});
