import { throwRefusal } from '@vigil/config';
import { TicketAudience, ticketForAudience, TicketForAudience } from '@vigil/contracts';
import { TicketResult } from './ticket-result';

/**
 * The HTTP answer to a ticket command, in the asker's view: the ticket (200, or 201 when a report
 * opened it), or the refusal's (see throwRefusal), whose current ticket is in that view too.
 */
export function answerTicket(result: TicketResult, audience: TicketAudience): TicketForAudience {
  if (result.kind === 'opened' || result.kind === 'already-open' || result.kind === 'changed') return ticketForAudience(audience, result.ticket);
  if (result.kind === 'stale') return throwRefusal({ ...result, current: ticketForAudience(audience, result.current) });
  return throwRefusal(result);
}
