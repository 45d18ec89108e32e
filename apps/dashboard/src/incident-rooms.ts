import { Principal } from '@vigil/auth';
import { IncidentOwner } from '@vigil/contracts';

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
    case 'supervisor':
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

/**
 * The rooms that could see an incident under its previous owner and may not under the new one:
 * they are told it was withdrawn, or they would keep a stale row of it for good.
 */
export function roomsLosingSight(previous: IncidentOwner, next: IncidentOwner): string[] {
  const keeping = roomsForIncident(next);
  return roomsForIncident(previous).filter((room) => !keeping.includes(room));
}

/** The same rule for one socket, for a replay. */
export function losesSightOf(principal: Principal, previous: IncidentOwner, next: IncidentOwner): boolean {
  return canReceiveIncident(principal, previous) && !canReceiveIncident(principal, next);
}
