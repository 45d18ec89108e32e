import type { CommandRefusal } from '@vigil/config';
import { FaultTicket } from '@vigil/contracts';

/** What became of a ticket command: the ticket after it, or why not (see CommandRefusal). */
export type TicketResult =
  | { kind: 'opened'; ticket: FaultTicket }
  | { kind: 'already-open'; ticket: FaultTicket }
  | { kind: 'changed'; ticket: FaultTicket }
  | CommandRefusal<FaultTicket>;
