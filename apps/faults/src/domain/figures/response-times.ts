import { clockTimeBetween, Interval } from '../working-time';

/** When a ticket's steps happened, epoch milliseconds; null for a step not (yet) done. */
export interface TicketSteps {
  reportedAt: number;
  /** The engineer on site (or the fault fixed remotely): the contract's attendance, which meets the response clock. */
  respondedAt: number | null;
  /** Fixed, as the contractor marked it with its report. */
  fixedAt: number | null;
}

/** How long a ticket took to respond and to repair, planned maintenance over its cameras left out; null for a step not done. */
export interface TicketDurations {
  respondMs: number | null;
  repairMs: number | null;
}

/**
 * Time to respond is report → attendance, time to repair is report → fixed, both in clock time
 * (planned maintenance stopped the contractor's clock, so it is not the contractor's time). A
 * reopened ticket counts from its first report to its latest attendance and fix: a fix that did
 * not hold lengthens the repair, as the owner saw it.
 */
export function ticketDurations(steps: TicketSteps, maintenance: readonly Interval[]): TicketDurations {
  const taken = (at: number | null) => (at === null ? null : clockTimeBetween(steps.reportedAt, at, maintenance));
  return { respondMs: taken(steps.respondedAt), repairMs: taken(steps.fixedAt) };
}

/** A mean over the tickets that have the measure, and how many those were. */
export interface Mean {
  meanMs: number | null;
  count: number;
}

/** The mean of the durations present (null ones are steps not yet done), rounded to the millisecond. */
export function meanOf(durations: readonly (number | null)[]): Mean {
  const present = durations.filter((d): d is number => d !== null);
  if (present.length === 0) return { meanMs: null, count: 0 };
  return { meanMs: Math.round(present.reduce((sum, d) => sum + d, 0) / present.length), count: present.length };
}
