import { z } from 'zod';
import { FaultTicket, faultTicketSchema, SlaClock, slaClockSchema } from './payloads/fault-ticket';

/**
 * Who a ticket is shown to, each with its own view: `maintenance` (the contractor and the control
 * room, who work it: everything), `owner` (the partner whose camera it is: no contract internals),
 * `police` (what is broken and when it will be mended: no engineer's report, no contract internals).
 */
export type TicketAudience = 'maintenance' | 'owner' | 'police';

/** Fields of a ticket some audiences are not given (HIDDEN_FROM below). */
export type RestrictedTicketField = 'contract' | 'severityReason' | 'engineerReport' | 'reopenCount';

/** An SLA clock as pushed: the warning point is the contractor's and the control room's, not the owner's or the police's. */
export type SlaClockPush = Omit<SlaClock, 'warnAt' | 'warned'> & Partial<Pick<SlaClock, 'warnAt' | 'warned'>>;

/**
 * The audience each signed-in role belongs to, on REST and sockets alike: those who work tickets
 * (the contractor, the control room) see everything; police what is broken and when it will be
 * mended; a partner, which only ever sees its own cameras, the owner's view.
 */
export const TICKET_AUDIENCE_BY_ROLE = {
  contractor: 'maintenance',
  operator: 'maintenance',
  supervisor: 'maintenance',
  police: 'police',
  partner: 'owner',
} as const satisfies Record<string, TicketAudience>;

/**
 * What each audience is not given of a ticket, on every channel (REST, socket.io, CSV). The owner
 * (a council) gets the engineer's report, since the code of practice gives owners each camera's
 * fault history; neither it nor the police get the contract's internals (which contract, why this
 * severity under it, how often the fix failed, the contractor's warning points). Police see what
 * is broken and when it will be mended, nothing of how.
 */
export const HIDDEN_FROM: Record<TicketAudience, readonly RestrictedTicketField[]> = {
  maintenance: [],
  owner: ['contract', 'severityReason', 'reopenCount'],
  police: ['contract', 'severityReason', 'reopenCount', 'engineerReport'],
};

/** The contractor's warning points show only to those who work the ticket. */
const SEES_WARNINGS: Record<TicketAudience, boolean> = { maintenance: true, owner: false, police: false };

/** Whether `audience` reads engineers' reports (a ticket's, a timeline's, a camera history's). */
export function readsEngineerReports(audience: TicketAudience): boolean {
  return !HIDDEN_FROM[audience].includes('engineerReport');
}

/** A ticket as one audience is given it: restricted fields absent, clocks without the warning points it may not see. */
export type TicketForAudience<T extends FaultTicket = FaultTicket> = Omit<T, RestrictedTicketField | 'response' | 'fix'> &
  Partial<Pick<FaultTicket, RestrictedTicketField>> & { response: SlaClockPush; fix: SlaClockPush };

/** TicketForAudience as a schema, for the API documents: the restricted fields and warning points may be absent. */
export const ticketForAudienceSchema = faultTicketSchema
  .partial({ contract: true, severityReason: true, engineerReport: true, reopenCount: true })
  .extend({ response: slaClockSchema.partial({ warnAt: true, warned: true }), fix: slaClockSchema.partial({ warnAt: true, warned: true }) })
  .describe(
    "A ticket in the asker's view. The contractor and the control room get every field; the owning partner no contract, severityReason, reopenCount or warning points; police as the owner, and no engineerReport.",
  );

/** The ticket (with whatever else it carries) as `audience` is given it: restricted fields absent, not nulled, so nothing of them travels. */
export function ticketForAudience<T extends FaultTicket>(audience: TicketAudience, ticket: T): TicketForAudience<T> {
  const view: Record<string, unknown> = { ...ticket, response: clockFor(audience, ticket.response), fix: clockFor(audience, ticket.fix) };
  for (const field of HIDDEN_FROM[audience]) delete view[field];
  return view as TicketForAudience<T>;
}

function clockFor(audience: TicketAudience, clock: SlaClock): SlaClockPush {
  if (SEES_WARNINGS[audience]) return { ...clock };
  const { warnAt: _warnAt, warned: _warned, ...rest } = clock;
  return rest;
}
