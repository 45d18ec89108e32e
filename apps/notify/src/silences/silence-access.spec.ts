import type { Principal } from '@vigil/auth';
import type { Matcher } from '../domain/routing/matcher';
import { mayManageSilences, maySeeSilence } from './silence-access';

const operator: Principal = { subject: 'op-ann', role: 'operator' };
const supervisor: Principal = { subject: 'sup-kim', role: 'supervisor' };
const police: Principal = { subject: 'pc-1234', role: 'police' };
const northHerts: Principal = { subject: 'nhdc-duty', role: 'partner', partnerId: 'north-herts' };
const contractor: Principal = { subject: 'eng-desk', role: 'contractor' };

const northHertsFaults: Matcher[] = [{ label: 'partner', equals: 'north-herts' }, { label: 'kind', equals: 'fault' }];
const stevenageIncidents: Matcher[] = [{ label: 'partner', equals: 'stevenage' }, { label: 'kind', equals: 'incident' }];
const anyPartnerByRegex: Matcher[] = [{ label: 'partner', matches: 'north-.*' }];
const allButNorthHerts: Matcher[] = [{ label: 'partner', notEquals: 'north-herts' }];
const faultsAnywhere: Matcher[] = [{ label: 'kind', in: ['fault', 'supervision'] }];

describe('maySeeSilence', () => {
  it.each<[string, Principal, Matcher[], boolean]>([
    ['an operator reads any silence', operator, stevenageIncidents, true],
    ['the supervisor reads any silence', supervisor, anyPartnerByRegex, true],
    ['police read any silence', police, allButNorthHerts, true],
    ['a partner reads a silence pinned to it', northHerts, northHertsFaults, true],
    ["a partner does not read another partner's", northHerts, stevenageIncidents, false],
    ['a partner does not read one a regex may stretch to it', northHerts, anyPartnerByRegex, false],
    ['a partner does not read one that names it to exclude it', northHerts, allButNorthHerts, false],
    ['a partner without a partner id reads none', { subject: 'odd', role: 'partner' }, northHertsFaults, false],
    ['the contractor reads one pinned to faults', contractor, northHertsFaults, true],
    ['the contractor does not read one on incidents', contractor, stevenageIncidents, false],
    ['the contractor does not read one faults are only among', contractor, faultsAnywhere, false],
  ])('%s', (_case, principal, matchers, may) => {
    expect(maySeeSilence(principal, matchers)).toBe(may);
  });
});

describe('mayManageSilences', () => {
  it.each<[Principal['role'], boolean, Principal]>([
    ['operator', true, operator],
    ['supervisor', true, supervisor],
    ['police', false, police],
    ['partner', false, northHerts],
    ['contractor', false, contractor],
  ])('%s → %s', (_role, may, principal) => {
    expect(mayManageSilences(principal)).toBe(may);
  });
});
