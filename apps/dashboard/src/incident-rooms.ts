import { Principal } from '@vigil/auth';

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

/** The rooms an incident of a partner is pushed to. */
export function roomsForIncident(partnerId: string | null): string[] {
  return partnerId ? [ALL_INCIDENTS_ROOM, partnerRoom(partnerId)] : [ALL_INCIDENTS_ROOM];
}
