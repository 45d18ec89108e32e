import { IncidentChange } from '@vigil/contracts';
import { anIncident, at } from '../../testing/notify-fixtures';
import type { Alert } from './alert';
import { alertFromIncidentEvent, IncidentEvent } from './incident-alert';
import { DEFAULT_POLICE_POLICY } from './police-need';

const police = DEFAULT_POLICE_POLICY;
const opened = alertFromIncidentEvent(null, { incident: anIncident(), change: 'opened' }, police);
const held = opened.action === 'apply' ? opened.alert : (null as never);
const change = (change: IncidentChange, fields: Parameters<typeof anIncident>[0] = {}): IncidentEvent => ({ change, incident: anIncident({ version: 2, ...fields }) });

describe('alertFromIncidentEvent', () => {
  it.each<[string, Alert | null, IncidentEvent, { notable: boolean; reason: string; status: string; handling: string }]>([
    ['an opened incident', null, { change: 'opened', incident: anIncident() }, { notable: true, reason: 'incident-opened', status: 'firing', handling: 'unacknowledged' }],
    ['a new call on it', held, change('call-added', { callCount: 2 }), { notable: true, reason: 'new-call', status: 'firing', handling: 'unacknowledged' }],
    ['re-graded more urgent', held, change('regraded', { grade: 2, category: 'Burglary' }), { notable: true, reason: 'needs-police', status: 'firing', handling: 'unacknowledged' }],
    ['re-graded from 4 to 3', { ...held, labels: { ...held.labels, grade: '4' } }, change('regraded', { grade: 3 }), { notable: true, reason: 'regraded-up', status: 'firing', handling: 'unacknowledged' }],
    ['re-graded less urgent', held, change('regraded', { grade: 4 }), { notable: false, reason: 'regraded-down', status: 'firing', handling: 'unacknowledged' }],
    ['reclassified as a Police Request', held, change('reclassified', { category: 'Police Request' }), { notable: true, reason: 'needs-police', status: 'firing', handling: 'unacknowledged' }],
    ['relocated to another town', held, change('relocated', { town: 'Letchworth Town Centre' }), { notable: false, reason: 'relabelled', status: 'firing', handling: 'unacknowledged' }],
    ['acknowledged by an operator', held, change('acknowledged', { status: 'acknowledged' }), { notable: false, reason: 'acknowledged', status: 'firing', handling: 'acknowledged' }],
    ['started', held, change('started', { status: 'in-progress' }), { notable: false, reason: 'progressed', status: 'firing', handling: 'in-progress' }],
    ['a note added', held, change('noted'), { notable: false, reason: 'not-notable', status: 'firing', handling: 'unacknowledged' }],
    ['closed', held, change('closed', { status: 'closed', closedAt: at(0).toISOString() }), { notable: true, reason: 'incident-closed', status: 'resolved', handling: 'done' }],
    ['merged into another', held, change('merged', { status: 'closed' }), { notable: true, reason: 'incident-merged', status: 'resolved', handling: 'done' }],
    ['reopened', { ...held, status: 'resolved' }, change('reopened'), { notable: true, reason: 'incident-reopened', status: 'firing', handling: 'unacknowledged' }],
    ['first heard of mid-life', null, change('noted'), { notable: true, reason: 'first-seen', status: 'firing', handling: 'unacknowledged' }],
    ['first heard of once closed', null, change('noted', { status: 'closed' }), { notable: false, reason: 'not-notable', status: 'resolved', handling: 'done' }],
  ])('%s', (_case, previous, event, expected) => {
    const update = alertFromIncidentEvent(previous, event, police);
    expect(update).toMatchObject({ action: 'apply', notable: expected.notable, reason: expected.reason, alert: { status: expected.status, handling: expected.handling } });
  });

  it('ignores an event not newer than the alert it holds, whatever the change', () => {
    expect(alertFromIncidentEvent({ ...held, version: 5 }, change('closed', { version: 5, status: 'closed' }), police)).toEqual({ action: 'ignore', reason: 'stale-version' });
    expect(alertFromIncidentEvent({ ...held, version: 5 }, change('call-added', { version: 4 }), police)).toEqual({ action: 'ignore', reason: 'stale-version' });
  });

  it('keeps one fingerprint per incident and moves the notice version only on news', () => {
    const noted = alertFromIncidentEvent(held, change('noted', { version: 2 }), police);
    const called = alertFromIncidentEvent(held, change('call-added', { version: 3 }), police);
    expect(noted).toMatchObject({ alert: { fingerprint: held.fingerprint, version: 2, noticeVersion: 1, notice: 'incident-opened' } });
    expect(called).toMatchObject({ alert: { fingerprint: held.fingerprint, version: 3, noticeVersion: 3, notice: 'new-call' } });
  });

  it('labels the incident for routing', () => {
    const update = alertFromIncidentEvent(null, { change: 'opened', incident: anIncident({ grade: 1, callSource: 'Police Airwaves', triageReasons: ['airwave-emergency', 'airwave-issi', 'emergency', 'nothing-open-here'], category: 'Police Request' }) }, police);
    expect(update).toMatchObject({
      alert: {
        labels: { kind: 'incident', partner: 'north-herts', town: 'Hitchin Town Centre', category: 'Police Request', grade: '1', source: 'airwave', state: 'open', police: 'needed' },
        tetraEmergency: true,
      },
    });
  });

  it.each([
    ['a client incident', { partnerId: null, placement: 'client' as const, clientName: 'Acme' }, 'clients'],
    ['an unplaced incident', { partnerId: null, placement: 'unplaced' as const, town: null }, 'unassigned'],
  ])('labels %s with the owner token subjects use', (_case, fields, partner) => {
    expect(alertFromIncidentEvent(null, { change: 'opened', incident: anIncident(fields) }, police)).toMatchObject({ alert: { labels: { partner } } });
  });

  it('remembers a TETRA emergency after the incident is re-graded down', () => {
    const emergency = { ...held, tetraEmergency: true };
    expect(alertFromIncidentEvent(emergency, change('regraded', { grade: 3 }), police)).toMatchObject({ alert: { tetraEmergency: true } });
  });
});
