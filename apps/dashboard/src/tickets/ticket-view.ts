import { FaultTicket, RestrictedTicketField, SlaClock, SlaClockPush, TicketAudience, TicketPush } from '@vigil/contracts';

/** A ticket event as the feed reads it: the whole ticket and what changed. */
export type TicketFact = FaultTicket & Pick<TicketPush, 'change' | 'changedBy' | 'changeReason'>;

/**
 * What each audience is not sent. The owner (a council) gets the engineer's report, since the
 * code of practice gives owners each camera's fault history; neither it nor the police get the
 * contract's internals (which contract, why this severity under it, how often the fix failed, the
 * contractor's warning points). Police see what is broken and when it will be mended, nothing of
 * how.
 */
export const HIDDEN_FROM: Record<TicketAudience, readonly RestrictedTicketField[]> = {
  maintenance: [],
  owner: ['contract', 'severityReason', 'reopenCount'],
  police: ['contract', 'severityReason', 'reopenCount', 'engineerReport'],
};

/** The contractor's warning points show only to those who work the ticket. */
const SEES_WARNINGS: Record<TicketAudience, boolean> = { maintenance: true, owner: false, police: false };

/** The ticket as `audience` is sent it: restricted fields absent, not nulled, so nothing of them travels. */
export function ticketViewFor(audience: TicketAudience, ticket: TicketFact, streamSeq: number): TicketPush {
  const view: Record<string, unknown> = { ...ticket, response: clockFor(audience, ticket.response), fix: clockFor(audience, ticket.fix), audience, streamSeq };
  for (const field of HIDDEN_FROM[audience]) delete view[field];
  return view as TicketPush;
}

function clockFor(audience: TicketAudience, clock: SlaClock): SlaClockPush {
  if (SEES_WARNINGS[audience]) return { ...clock };
  const { warnAt: _warnAt, warned: _warned, ...rest } = clock;
  return rest;
}
