import { FaultTicket } from '@vigil/contracts';

/**
 * What became of a ticket command: the ticket after it, or why not. `not-found` also stands for a
 * ticket (or camera) the caller may not see, so its existence does not leak.
 */
export type TicketResult =
  | { kind: 'opened'; ticket: FaultTicket }
  | { kind: 'already-open'; ticket: FaultTicket }
  | { kind: 'changed'; ticket: FaultTicket }
  | { kind: 'not-found'; what: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'stale'; sentVersion: number; current: FaultTicket }
  | { kind: 'refused'; reason: string; message: string };
