import { canSeeIncident, Principal } from '@vigil/auth';
import { IncidentOwner } from '@vigil/contracts';
import { canReceiveIncident, losesSightOf, roomsFor, roomsForIncident, roomsLosingSight } from './incident-rooms';

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

  const ofNorthHerts: IncidentOwner = { partnerId: 'north-herts', placement: 'partner' };
  const northHerts: Principal = { subject: 'nhdc', role: 'partner', partnerId: 'north-herts' };

  it.each([
    ['another partner', ofStevenage, ofHertsmere, ['incidents:partner:stevenage']],
    ['a client', ofStevenage, ofClient, ['incidents:partner:stevenage']],
    ['unplaced', ofStevenage, unplaced, ['incidents:partner:stevenage']],
    ['a partner, from unplaced', unplaced, ofStevenage, []],
    ['a partner, from a client', ofClient, ofHertsmere, []],
    ['a client, from unplaced', unplaced, ofClient, []],
    ['the same partner (a town within it)', ofStevenage, ofStevenage, []],
  ] as const)('moving to %s withdraws it from %j', (_to, previous, next, rooms) => {
    expect(roomsLosingSight(previous, next)).toEqual(rooms);
  });

  it.each([
    [stevenage, ofStevenage, ofHertsmere, true],
    [stevenage, ofStevenage, ofClient, true],
    [stevenage, ofStevenage, unplaced, true],
    [stevenage, ofHertsmere, ofStevenage, false],
    [northHerts, ofStevenage, ofHertsmere, false],
    [stevenage, ofStevenage, ofStevenage, false],
    [operator, ofStevenage, ofClient, false],
    [police, ofHertsmere, unplaced, false],
    [contractor, ofStevenage, ofHertsmere, false],
  ] as const)('%j loses sight when %j moves to %j: %s', (principal, previous, next, loses) => {
    expect(losesSightOf(principal, previous, next)).toBe(loses);
    // A replay and the live push must agree: the socket is in a losing room exactly when it loses sight.
    expect(roomsFor(principal).some((room) => roomsLosingSight(previous, next).includes(room))).toBe(loses);
  });
});
