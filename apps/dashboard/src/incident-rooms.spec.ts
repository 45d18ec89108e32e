import { canSeeIncident, Principal } from '@vigil/auth';
import { canReceiveIncident, IncidentOwner, roomsFor, roomsForIncident } from './incident-rooms';

const police: Principal = { subject: 'pc', role: 'police' };
const operator: Principal = { subject: 'op', role: 'operator' };
const stevenage: Principal = { subject: 'sbc', role: 'partner', partnerId: 'stevenage' };
const contractor: Principal = { subject: 'eng', role: 'contractor' };

const ofStevenage: IncidentOwner = { partnerId: 'stevenage', placement: 'partner' };
const ofHertsmere: IncidentOwner = { partnerId: 'hertsmere', placement: 'partner' };
const ofClient: IncidentOwner = { partnerId: null, placement: 'client' };
const unplaced: IncidentOwner = { partnerId: null, placement: 'unplaced' };

describe('incident rooms', () => {
  it.each([
    [police, ofStevenage, true],
    [police, unplaced, true],
    [police, ofClient, true],
    [operator, ofHertsmere, true],
    [operator, ofClient, true],
    [stevenage, ofStevenage, true],
    [stevenage, ofHertsmere, false],
    [stevenage, unplaced, false],
    [stevenage, ofClient, false],
    [contractor, ofStevenage, false],
    [contractor, unplaced, false],
  ] as const)('%j receives %j: %s', (principal, incident, sees) => {
    const shared = roomsFor(principal).some((room) => roomsForIncident(incident).includes(room));
    expect(shared).toBe(sees);
    // The live push, the replay and the REST rule must agree.
    expect(canReceiveIncident(principal, incident)).toBe(sees);
    expect(canSeeIncident(principal, incident.partnerId)).toBe(sees);
  });

  it('keeps a client incident out of a partner room even if it were to carry a partner id', () => {
    expect(roomsForIncident({ partnerId: 'stevenage', placement: 'client' })).toEqual(['incidents:all']);
  });
});
