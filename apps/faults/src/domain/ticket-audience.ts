import type { TicketAudience } from '@vigil/contracts';
import { FaultActor } from './ticket-access';

/**
 * The view of tickets an actor is given over REST, as the dashboard gives it over socket.io: those
 * who work tickets (the contractor, the control room) everything; police what is broken and when
 * it will be mended; a partner, which only ever sees its own, the owner's view.
 */
export function ticketAudienceOf(actor: FaultActor): TicketAudience {
  switch (actor.role) {
    case 'contractor':
    case 'operator':
    case 'supervisor':
      return 'maintenance';
    case 'police':
      return 'police';
    case 'partner':
      return 'owner';
  }
}
