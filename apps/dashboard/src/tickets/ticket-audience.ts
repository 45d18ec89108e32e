import { Principal } from '@vigil/auth';
import { TICKET_AUDIENCE_BY_ROLE, TicketAudience } from '@vigil/contracts';

/** Whose camera or ticket it is: a partner's, or (null) one of the company's clients. */
export interface AssetOwnership {
  partnerId: string | null;
}

/** One room a ticket or camera change is pushed to, and the view its members get. */
export interface TicketDelivery {
  room: string;
  audience: TicketAudience;
}

/** The contractor and the control room: they work tickets, so they read all of them. */
export const MAINTENANCE_ROOM = 'tickets:maintenance';
/** Police see every camera's faults (what is off their monitors), never the contract behind them. */
export const POLICE_TICKETS_ROOM = 'tickets:police';

/** The room of one partner's own cameras and tickets. */
export function ownerTicketRoom(partnerId: string): string {
  return `tickets:owner:${partnerId}`;
}

/**
 * The audience a signed-in user belongs to, or undefined when it sees no tickets. A partner is an
 * owner only of its own cameras: the room it joins is its own.
 */
export function ticketAudienceOf(principal: Principal): TicketAudience | undefined {
  if (principal.role === 'partner' && !principal.partnerId) return undefined;
  return TICKET_AUDIENCE_BY_ROLE[principal.role];
}

/** The ticket rooms a dashboard user joins. */
export function ticketRoomsFor(principal: Principal): string[] {
  const audience = ticketAudienceOf(principal);
  if (audience === 'maintenance') return [MAINTENANCE_ROOM];
  if (audience === 'police') return [POLICE_TICKETS_ROOM];
  return audience === 'owner' ? [ownerTicketRoom(principal.partnerId!)] : [];
}

/** Where a change to a ticket or camera of `owner` goes, with each room's view; a client's never reaches a partner. */
export function ticketDeliveries(owner: AssetOwnership): TicketDelivery[] {
  const everyone: TicketDelivery[] = [
    { room: MAINTENANCE_ROOM, audience: 'maintenance' },
    { room: POLICE_TICKETS_ROOM, audience: 'police' },
  ];
  return owner.partnerId ? [...everyone, { room: ownerTicketRoom(owner.partnerId), audience: 'owner' }] : everyone;
}

/** The audience one socket sees a ticket or camera of `owner` as, or undefined when it may not see it (for a replay, which goes to one socket). */
export function audienceFor(principal: Principal, owner: AssetOwnership): TicketAudience | undefined {
  const rooms = ticketRoomsFor(principal);
  return ticketDeliveries(owner).find((delivery) => rooms.includes(delivery.room))?.audience;
}
