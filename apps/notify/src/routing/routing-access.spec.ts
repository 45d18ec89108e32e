import type { Principal } from '@vigil/auth';
import { parseRoutingConfig } from '../domain/routing/parse-routing-config';
import { PARTNERSHIP_ROUTING } from '../testing/routing-fixtures';
import { mayChangeRouting, routingReadScope } from './routing-access';

const parsed = parseRoutingConfig(PARTNERSHIP_ROUTING);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));

describe('routingReadScope', () => {
  it.each<[string, Principal, unknown]>([
    ['police read the whole', { subject: 'pc', role: 'police' }, { kind: 'whole' }],
    ['an operator reads the whole', { subject: 'op', role: 'operator' }, { kind: 'whole' }],
    ['the supervisor reads the whole', { subject: 'sup', role: 'supervisor' }, { kind: 'whole' }],
    ['a partner reads the rules to its duty officer', { subject: 'nh', role: 'partner', partnerId: 'north-herts' }, { kind: 'own', receivers: ['north-herts-duty'], rules: ['north-herts-incidents'] }],
    ['a partner no rule delivers to reads nothing', { subject: 'sbc', role: 'partner', partnerId: 'stevenage' }, { kind: 'none' }],
    ['the contractor reads the fault rules, inherited receiver included', { subject: 'eng', role: 'contractor' }, { kind: 'own', receivers: ['contractor'], rules: ['faults', 'emergency-faults'] }],
  ])('%s', (_case, principal, scope) => {
    expect(routingReadScope(principal, parsed.tree)).toEqual(scope);
  });
});

describe('mayChangeRouting', () => {
  it.each<[Principal['role'], boolean]>([
    ['supervisor', true],
    ['operator', false],
    ['police', false],
    ['partner', false],
    ['contractor', false],
  ])('%s → %s', (role, may) => {
    expect(mayChangeRouting({ subject: 'someone', role, ...(role === 'partner' && { partnerId: 'north-herts' }) })).toBe(may);
  });
});
