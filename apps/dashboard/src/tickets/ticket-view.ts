import { FaultTicket, TicketAudience, ticketForAudience, TicketPush } from '@vigil/contracts';

/** A ticket event as the feed reads it: the whole ticket and what changed. */
export type TicketFact = FaultTicket & Pick<TicketPush, 'change' | 'changedBy' | 'changeReason'>;

/** The ticket as `audience` is pushed it (the contracts' ticket views, as faults answers over REST), with the stream position. */
export function ticketViewFor(audience: TicketAudience, ticket: TicketFact, streamSeq: number): TicketPush {
  return { ...ticketForAudience(audience, ticket), audience, streamSeq };
}
