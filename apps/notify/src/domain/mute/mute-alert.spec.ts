import { anAlert, at, NOW } from '../../testing/notify-fixtures';
import type { Alert } from '../alerts/alert';
import { SITE_OUTAGE_SUPPRESSES_CAMERA_FAULTS, inhibitor } from './inhibition';
import { MaintenanceWindow, maintenanceMuter } from './maintenance-window';
import { muteAlert } from './mute-alert';
import type { MuteVerdict } from './muter';
import { Silence, silencer } from './silence';

const silence = (fields: Partial<Silence> = {}): Silence => ({
  id: 'sil-1',
  matchers: [{ label: 'town', equals: 'Hitchin Town Centre' }],
  startsAt: at(-3600),
  endsAt: at(3600),
  createdBy: 'supervisor-jo',
  comment: 'Market day: stall holders testing alarms',
  ...fields,
});
const works: MaintenanceWindow = { id: 'mw-1', matchers: [{ label: 'site', equals: 'hitchin-market' }], startsAt: at(-600), endsAt: at(600), reason: 'Column replacement' };

const cameraFault = (fields: Partial<Omit<Alert, 'labels'>> & { labels?: Partial<Alert['labels']> } = {}) =>
  anAlert({ fingerprint: 'fault:cam', ...fields, labels: { kind: 'fault', grade: undefined, scope: 'camera', site: 'hitchin-market', severity: 'emergency', ...fields.labels } });
const siteOutage = cameraFault({ fingerprint: 'fault:site', labels: { scope: 'site' } });

describe('muteAlert', () => {
  it.each<[string, Alert, Silence[], Alert[], MaintenanceWindow[], MuteVerdict]>([
    ['nothing set up', anAlert(), [], [], [], { muted: false, reason: 'not-muted' }],
    ['an active silence matching', anAlert(), [silence()], [], [], { muted: true, reason: 'silenced', by: 'sil-1' }],
    ['a silence not yet started', anAlert(), [silence({ startsAt: at(60) })], [], [], { muted: false, reason: 'not-muted' }],
    ['a silence just ended', anAlert(), [silence({ endsAt: NOW })], [], [], { muted: false, reason: 'not-muted' }],
    ['a silence of another town', anAlert(), [silence({ matchers: [{ label: 'town', equals: 'Royston' }] })], [], [], { muted: false, reason: 'not-muted' }],
    ['a silence over a grade 1', anAlert({ labels: { grade: '1' } }), [silence()], [], [], { muted: false, reason: 'emergency-never-muted' }],
    ['a silence over a TETRA emergency re-graded to 3', anAlert({ tetraEmergency: true }), [silence()], [], [], { muted: false, reason: 'emergency-never-muted' }],
    ['a silence over a resolved grade 1', anAlert({ status: 'resolved', labels: { grade: '1' } }), [silence()], [], [], { muted: true, reason: 'silenced', by: 'sil-1' }],
    ['a camera fault at a site whose outage fires', cameraFault(), [], [siteOutage], [], { muted: true, reason: 'inhibited', by: 'site-outage-suppresses-camera-faults:fault:site' }],
    ['a camera fault at another site', cameraFault({ labels: { site: 'royston-square' } }), [], [siteOutage], [], { muted: false, reason: 'not-muted' }],
    ['a camera fault once the outage resolved', cameraFault(), [], [{ ...siteOutage, status: 'resolved' }], [], { muted: false, reason: 'not-muted' }],
    ['the site outage itself', siteOutage, [], [siteOutage], [], { muted: false, reason: 'not-muted' }],
    ['a camera fault with no site beside an outage with none', cameraFault({ labels: { site: undefined } }), [], [cameraFault({ fingerprint: 'fault:net', labels: { scope: 'network', site: undefined } })], [], { muted: false, reason: 'not-muted' }],
    ['a fault inside a maintenance window', cameraFault(), [], [], [works], { muted: true, reason: 'in-maintenance', by: 'mw-1' }],
    ['a fault after the window', cameraFault(), [], [], [{ ...works, endsAt: NOW }], { muted: false, reason: 'not-muted' }],
    ['an incident inside a maintenance window', anAlert({ labels: { site: 'hitchin-market' } }), [], [], [works], { muted: false, reason: 'not-muted' }],
    ['a fault both in maintenance and silenced: the window is asked first', cameraFault(), [silence()], [], [works], { muted: true, reason: 'in-maintenance', by: 'mw-1' }],
  ])('%s', (_case, alert, silences, firing, windows, verdict) => {
    const muters = [maintenanceMuter(windows), inhibitor([SITE_OUTAGE_SUPPRESSES_CAMERA_FAULTS], firing), silencer(silences)];
    expect(muteAlert(alert, muters, NOW)).toEqual(verdict);
  });
});
