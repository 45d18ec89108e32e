import { Principal } from '@vigil/auth';
import { Incident } from '@vigil/contracts';

/** Whose incident it is, as far as rooms go. */
export type IncidentOwner = Pick<Incident, 'partnerId' | 'placement'>;

/** Room for everyone who sees every incident (police, control-room operators). */
export const ALL_INCIDENTS_ROOM = 'incidents:all';

/** Room for the people of one partner. */
export function partnerRoom(partnerId: string): string {
  return `incidents:partner:${partnerId}`;
}

/** The rooms a dashboard user joins: the rule "each sees only what it may" in one place. */
export function roomsFor(principal: Principal): string[] {
  switch (principal.role) {
    case 'police':
    case 'operator':
      return [ALL_INCIDENTS_ROOM];
    case 'partner':
      return principal.partnerId ? [partnerRoom(principal.partnerId)] : [];
    case 'contractor':
      return [];
  }
}

/** The rooms an incident is pushed to: its partner's only when it is placed with one, never a client's or an unplaced one. */
export function roomsForIncident(incident: IncidentOwner): string[] {
  return incident.placement === 'partner' && incident.partnerId ? [ALL_INCIDENTS_ROOM, partnerRoom(incident.partnerId)] : [ALL_INCIDENTS_ROOM];
}

/** The same rule for one socket (a replay goes to one client, not to rooms). */
export function canReceiveIncident(principal: Principal, incident: IncidentOwner): boolean {
  const rooms = roomsForIncident(incident);
  return roomsFor(principal).some((room) => rooms.includes(room));
}
