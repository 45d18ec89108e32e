import type { Principal } from '@vigil/auth';
import { parseRoutingConfig } from '../domain';
import { PARTNERSHIP_ROUTING } from '../testing/routing-fixtures';
import { AlertAccess, alertAccess } from './alert-access';

const parsed = parseRoutingConfig(PARTNERSHIP_ROUTING);
if (!parsed.ok) throw new Error('the fixture routing must parse');
const tree = parsed.tree;
const incident = { labels: { kind: 'incident' as const, partner: 'north-herts' } };
const otherIncident = { labels: { kind: 'incident' as const, partner: 'stevenage' } };
const fault = { labels: { kind: 'fault' as const, partner: 'north-herts' } };
const who = (role: Principal['role'], partnerId?: string): Principal => ({ subject: `${role}-1`, role, ...(partnerId && { partnerId }) });

describe('alertAccess', () => {
  it.each<[string, Principal, { labels: typeof incident.labels | typeof fault.labels | typeof otherIncident.labels }, AlertAccess]>([
    ['police: everything', who('police'), otherIncident, { see: true, acknowledge: true, receivers: 'all' }],
    ['an operator: everything', who('operator'), fault, { see: true, acknowledge: true, receivers: 'all' }],
    ['the supervisor: everything', who('supervisor'), incident, { see: true, acknowledge: true, receivers: 'all' }],
    ["a partner: its own incident, only its duty officer's deliveries", who('partner', 'north-herts'), incident, { see: true, acknowledge: true, receivers: ['north-herts-duty'] }],
    ["a partner: another partner's incident", who('partner', 'north-herts'), otherIncident, { see: false }],
    ['a partner with no receiver of its own: its incident, no deliveries', who('partner', 'stevenage'), otherIncident, { see: true, acknowledge: true, receivers: [] }],
    ['the contractor: a fault, its own deliveries', who('contractor'), fault, { see: true, acknowledge: true, receivers: ['contractor'] }],
    ['the contractor: never an incident', who('contractor'), incident, { see: false }],
  ])('%s', (_case, principal, alert, expected) => {
    expect(alertAccess(principal, alert, tree)).toEqual(expected);
  });
});
