import { Principal } from '@vigil/auth';
import { audienceFor, MAINTENANCE_ROOM, ownerTicketRoom, POLICE_TICKETS_ROOM, ticketDeliveries, ticketRoomsFor } from './ticket-audience';

const contractor: Principal = { subject: 'eng-1', role: 'contractor' };
const operator: Principal = { subject: 'op-1', role: 'operator' };
const police: Principal = { subject: 'pc-1', role: 'police' };
const northHerts: Principal = { subject: 'nh-1', role: 'partner', partnerId: 'north-herts' };
const stevenage: Principal = { subject: 'sbc-1', role: 'partner', partnerId: 'stevenage' };
const partnerWithoutArea: Principal = { subject: 'x', role: 'partner' };

describe('who sees a ticket or camera, and in which view', () => {
  it.each([
    ['the contractor works every ticket', contractor, [MAINTENANCE_ROOM]],
    ['an operator works every ticket', operator, [MAINTENANCE_ROOM]],
    ['police see every ticket, in their own view', police, [POLICE_TICKETS_ROOM]],
    ["a partner sees its own cameras' tickets", northHerts, [ownerTicketRoom('north-herts')]],
    ['a partner token without a partner sees nothing', partnerWithoutArea, []],
  ])('%s', (_, principal, rooms) => {
    expect(ticketRoomsFor(principal)).toEqual(rooms);
  });

  it.each([
    ['a partner camera', { partnerId: 'north-herts' }, [MAINTENANCE_ROOM, POLICE_TICKETS_ROOM, ownerTicketRoom('north-herts')]],
    ["a client's camera never reaches a partner", { partnerId: null }, [MAINTENANCE_ROOM, POLICE_TICKETS_ROOM]],
  ])('%s goes to its rooms', (_, owner, rooms) => {
    expect(ticketDeliveries(owner).map((d) => d.room)).toEqual(rooms);
  });

  it.each([
    ['contractor, partner ticket', contractor, 'north-herts', 'maintenance'],
    ["contractor, a client's ticket", contractor, null, 'maintenance'],
    ['operator', operator, 'north-herts', 'maintenance'],
    ['police', police, 'north-herts', 'police'],
    ["police, a client's ticket", police, null, 'police'],
    ['the owning partner', northHerts, 'north-herts', 'owner'],
    ["another partner's ticket", stevenage, 'north-herts', undefined],
    ["a partner, a client's ticket", northHerts, null, undefined],
  ])('a replay to one socket: %s → %s', (_, principal, partnerId, audience) => {
    expect(audienceFor(principal, { partnerId })).toBe(audience);
  });
});
