import { throwRefusal } from '@vigil/config';
import { FaultTicket } from '@vigil/contracts';
import { TicketResult } from './ticket-result';

/** The HTTP answer to a ticket command: the ticket (200, or 201 when a report opened it), or the refusal's (see throwRefusal). */
export function answerTicket(result: TicketResult): FaultTicket {
  if (result.kind === 'opened' || result.kind === 'already-open' || result.kind === 'changed') return result.ticket;
  return throwRefusal(result);
}
