import { TICKET_AUDIENCE_BY_ROLE, TicketAudience } from '@vigil/contracts';
import { FaultActor } from './ticket-access';

/** The view of tickets an actor is given over REST: the one the dashboard gives its role over socket.io. */
export function ticketAudienceOf(actor: FaultActor): TicketAudience {
  return TICKET_AUDIENCE_BY_ROLE[actor.role];
}
