import { principalFromClaims, RoleMap } from './claims-to-principal';

const COUNCIL_GROUP = '5c1e2f7a-0d4b-4c59-9a43-1f0c3b7e9d21';
const map: RoleMap = {
  claim: 'groups',
  subjectClaim: 'preferred_username',
  roles: [
    { value: COUNCIL_GROUP, role: 'partner', partner: 'stevenage' },
    { value: 'vigil-hertsmere', role: 'partner', partner: 'hertsmere' },
    { value: 'vigil-police-control', role: 'police' },
    { value: 'vigil-police-supervisors', role: 'police' },
    { value: 'vigil-operators', role: 'operator' },
    { value: 'vigil-control-room-supervisors', role: 'supervisor' },
    { value: 'vigil-eurovia', role: 'contractor' },
  ],
};
const keycloak: RoleMap = { ...map, claim: 'realm_access.roles', subjectClaim: 'email' };

describe('principalFromClaims', () => {
  it.each([
    ['a council group (Entra ID object id)', map, { sub: 'x1', preferred_username: 'jo@stevenage.gov.uk', groups: [COUNCIL_GROUP, 'all-staff'] },
      { ok: true, principal: { subject: 'jo@stevenage.gov.uk', role: 'partner', partnerId: 'stevenage' } }],
    ['a police group', map, { sub: 'x2', preferred_username: 'pc1234', groups: ['vigil-police-control'] },
      { ok: true, principal: { subject: 'pc1234', role: 'police' } }],
    ['two groups with the same role', map, { sub: 'x3', preferred_username: 'sgt', groups: ['vigil-police-control', 'vigil-police-supervisors'] },
      { ok: true, principal: { subject: 'sgt', role: 'police' } }],
    ['groups as one space-separated string', map, { sub: 'x4', preferred_username: 'op', groups: 'misc vigil-operators' },
      { ok: true, principal: { subject: 'op', role: 'operator' } }],
    ['the control-room supervisor', map, { sub: 'x7', preferred_username: 'kim', groups: ['vigil-control-room-supervisors'] },
      { ok: true, principal: { subject: 'kim', role: 'supervisor' } }],
    ['the contractor', map, { sub: 'x5', preferred_username: 'eng', groups: ['vigil-eurovia'] },
      { ok: true, principal: { subject: 'eng', role: 'contractor' } }],
    ['sub when the subject claim is missing', map, { sub: 'x6', groups: ['vigil-operators'] },
      { ok: true, principal: { subject: 'x6', role: 'operator' } }],
    ['a nested claim (Keycloak realm roles)', keycloak, { sub: 'x7', email: 'a@herts.police.uk', realm_access: { roles: ['vigil-police-control'] } },
      { ok: true, principal: { subject: 'a@herts.police.uk', role: 'police' } }],
    ['no matching group', map, { sub: 'x8', preferred_username: 'visitor', groups: ['all-staff'] },
      { ok: false, reason: 'no-matching-group' }],
    ['an empty group list', map, { sub: 'x9', groups: [] }, { ok: false, reason: 'no-matching-group' }],
    ['no groups claim at all', map, { sub: 'x10', preferred_username: 'visitor' }, { ok: false, reason: 'no-groups-claim' }],
    ['a groups claim that is not a list', map, { sub: 'x11', groups: 42 }, { ok: false, reason: 'no-groups-claim' }],
    ['Entra ID group overage', map, { sub: 'x12', _claim_names: { groups: 'src1' } }, { ok: false, reason: 'groups-overage' }],
    ['two partners at once', map, { sub: 'x13', groups: [COUNCIL_GROUP, 'vigil-hertsmere'] }, { ok: false, reason: 'conflicting-groups' }],
    ['a partner and the police at once', map, { sub: 'x14', groups: ['vigil-hertsmere', 'vigil-police-control'] },
      { ok: false, reason: 'conflicting-groups' }],
    ['no subject', map, { groups: ['vigil-police-control'] }, { ok: false, reason: 'no-subject' }],
    ['a group value that only looks like an inherited key', map, { sub: 'x15', groups: ['constructor', 'toString'] },
      { ok: false, reason: 'no-matching-group' }],
  ] as const)('%s', (_case, roleMap, claims, expected) => {
    expect(principalFromClaims(claims, roleMap as RoleMap)).toEqual(expected);
  });
});
