import { TicketChange } from '@vigil/contracts';
import { aTicket, at } from '../../testing/notify-fixtures';
import type { Alert } from './alert';
import { alertFromFaultEvent, FaultEvent } from './fault-alert';

const opened = alertFromFaultEvent(null, { change: 'opened', ticket: aTicket() });
const held = opened.action === 'apply' ? opened.alert : (null as never);
const change = (change: TicketChange, fields: Parameters<typeof aTicket>[0] = {}): FaultEvent => ({ change, ticket: aTicket({ version: 2, ...fields }) });
const met = { dueAt: at(3600).toISOString(), warnAt: at(2880).toISOString(), metAt: at(0).toISOString(), warned: false, breached: false };

describe('alertFromFaultEvent', () => {
  it.each<[string, Alert | null, FaultEvent, { notable: boolean; reason: string; status: string; handling: string }]>([
    ['a ticket opened', null, { change: 'opened', ticket: aTicket() }, { notable: true, reason: 'fault-opened', status: 'firing', handling: 'unacknowledged' }],
    ['acknowledged by the contractor', held, change('acknowledged', { status: 'acknowledged' }), { notable: false, reason: 'acknowledged', status: 'firing', handling: 'acknowledged' }],
    ['an engineer on site', held, change('engineer-on-site', { status: 'engineer-on-site' }), { notable: false, reason: 'progressed', status: 'firing', handling: 'in-progress' }],
    ['response time warned', held, change('response-warning'), { notable: true, reason: 'sla-warning', status: 'firing', handling: 'unacknowledged' }],
    ['fix time warned', held, change('fix-warning', { status: 'acknowledged' }), { notable: true, reason: 'sla-warning', status: 'firing', handling: 'acknowledged' }],
    ['response time breached', held, change('response-breached'), { notable: true, reason: 'sla-breached', status: 'firing', handling: 'unacknowledged' }],
    ['fix time breached', held, change('fix-breached', { status: 'engineer-on-site' }), { notable: true, reason: 'sla-breached', status: 'firing', handling: 'in-progress' }],
    ['fixed', held, change('fixed', { status: 'fixed', fix: met }), { notable: true, reason: 'fault-fixed', status: 'resolved', handling: 'done' }],
    ['verified', { ...held, status: 'resolved' }, change('verified', { status: 'verified' }), { notable: false, reason: 'not-notable', status: 'resolved', handling: 'done' }],
    ['reopened', { ...held, status: 'resolved' }, change('reopened', { status: 'reopened', reopenCount: 1 }), { notable: true, reason: 'fault-reopened', status: 'firing', handling: 'unacknowledged' }],
    ['a camera joined the site outage', held, change('camera-joined', { scope: 'site', cameraIds: ['NH-014', 'NH-015'] }), { notable: false, reason: 'relabelled', status: 'firing', handling: 'unacknowledged' }],
    ['merged into its site outage (the outage ticket fires on its own)', held, change('merged', { status: 'merged' }), { notable: false, reason: 'not-notable', status: 'resolved', handling: 'done' }],
    ['deadlines moved', held, change('deadlines-moved'), { notable: false, reason: 'not-notable', status: 'firing', handling: 'unacknowledged' }],
    ['first heard of mid-life', null, change('deadlines-moved'), { notable: true, reason: 'first-seen', status: 'firing', handling: 'unacknowledged' }],
  ])('%s', (_case, previous, event, expected) => {
    expect(alertFromFaultEvent(previous, event)).toMatchObject({ action: 'apply', notable: expected.notable, reason: expected.reason, alert: { status: expected.status, handling: expected.handling } });
  });

  it('ignores an event not newer than the alert it holds', () => {
    expect(alertFromFaultEvent({ ...held, version: 3 }, change('fixed', { version: 3, status: 'fixed' }))).toEqual({ action: 'ignore', reason: 'stale-version' });
  });

  it('labels the ticket for routing, site inhibition and maintenance windows', () => {
    expect(held).toMatchObject({
      fingerprint: 'fault:9a1d2c3b-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
      labels: { kind: 'fault', partner: 'north-herts', town: 'Hitchin Town Centre', category: 'no-video', source: 'health-watchdog', state: 'reported', scope: 'camera', severity: 'emergency', site: 'hitchin-market', camera: 'NH-014', owner: 'north-herts' },
    });
    expect(alertFromFaultEvent(null, { change: 'opened', ticket: aTicket({ partnerId: null, clientName: 'Acme' }) })).toMatchObject({ alert: { labels: { partner: 'clients', owner: 'Acme' } } });
    const siteOutage = alertFromFaultEvent(null, { change: 'opened', ticket: aTicket({ scope: 'site', cameraIds: ['NH-014', 'NH-015'] }) });
    expect(siteOutage.action === 'apply' && siteOutage.alert.labels.camera).toBeUndefined();
  });
});
