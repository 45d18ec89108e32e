import { aSourceChange, aTicket } from '../../testing/notify-fixtures';
import type { Alert } from '../alerts/alert';
import { AlertUpdate } from '../alerts/alert-update';
import { alertFromFaultEvent } from '../alerts/fault-alert';
import { alertFromSupervisionEvent } from '../alerts/supervision-alert';
import { labelsMatch } from '../routing/matcher';
import { MaintenanceScope, maintenanceMatchers } from './maintenance-scope';

/** The alert notify makes of an event, as the maintenance muter sees it. */
function alertOf(update: AlertUpdate): Alert {
  if (update.action !== 'apply') throw new Error('expected an alert');
  return update.alert;
}
const fault = (fields: Parameters<typeof aTicket>[0] = {}) => alertOf(alertFromFaultEvent(null, { change: 'opened', ticket: aTicket(fields) }));

// aTicket: one camera NH-014 at site hitchin-market, north-herts's.
describe('maintenanceMatchers: which alerts a faults window covers', () => {
  it.each<[string, MaintenanceScope, string, Alert, boolean]>([
    ['a camera window over that camera', 'camera', 'NH-014', fault(), true],
    ['a camera window over another camera', 'camera', 'NH-015', fault(), false],
    ['a camera window over one camera of a site outage', 'camera', 'NH-014', fault({ scope: 'site', cameraIds: ['NH-014', 'NH-015'] }), false],
    ['a site window over a camera at the site', 'site', 'hitchin-market', fault(), true],
    ['a site window over a camera elsewhere', 'site', 'royston-square', fault(), false],
    ['a site window over that site\'s outage', 'site', 'hitchin-market', fault({ scope: 'site', cameraIds: ['NH-014', 'NH-015'] }), true],
    ['a site window over a network outage whose segment has the same name', 'site', 'hitchin-market', fault({ scope: 'network', cameraIds: ['NH-014', 'SBC-001'] }), false],
    ['an owner window over a partner\'s camera', 'owner', 'north-herts', fault(), true],
    ['an owner window over another partner\'s camera', 'owner', 'stevenage', fault(), false],
    ['an owner window over a client\'s camera, by its name', 'owner', 'Acme Retail', fault({ partnerId: null, clientName: 'Acme Retail' }), true],
    ['an owner window naming "clients" over a client\'s camera', 'owner', 'clients', fault({ partnerId: null, clientName: 'Acme Retail' }), false],
    ['an owner window over source supervision of that partner', 'owner', 'north-herts', alertOf(alertFromSupervisionEvent(null, aSourceChange())), false],
  ])('%s: %s', (_case, scope, target, alert, covered) => {
    expect(labelsMatch(maintenanceMatchers(scope, target), alert.labels)).toBe(covered);
  });
});
