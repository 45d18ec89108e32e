import { canSeeIncident, Principal } from '@vigil/auth';
import { roomsFor, roomsForIncident } from './incident-rooms';

const police: Principal = { subject: 'pc', role: 'police' };
const operator: Principal = { subject: 'op', role: 'operator' };
const stevenage: Principal = { subject: 'sbc', role: 'partner', partnerId: 'stevenage' };
const contractor: Principal = { subject: 'eng', role: 'contractor' };

describe('incident rooms', () => {
  it.each([
    [police, 'stevenage', true],
    [police, null, true],
    [operator, 'hertsmere', true],
    [stevenage, 'stevenage', true],
    [stevenage, 'hertsmere', false],
    [stevenage, null, false],
    [contractor, 'stevenage', false],
    [contractor, null, false],
  ] as const)('%j receives a %s incident: %s', (principal, partnerId, sees) => {
    const shared = roomsFor(principal).some((room) => roomsForIncident(partnerId).includes(room));
    expect(shared).toBe(sees);
    // The push rule and the REST rule must agree.
    expect(canSeeIncident(principal, partnerId)).toBe(sees);
  });
});
