import type { TicketPush, TicketStatus } from '@vigil/contracts';

/** The fields of a ticket its deadlines are judged by (every audience's view has them). */
export type Clocked = Pick<TicketPush, 'status' | 'response' | 'fix' | 'reportedAt' | 'reference'>;

/** Which clock is running next and until when; none once both are met (fixed, awaiting verification), verified or merged. */
export interface NextDeadline {
  clock: 'response' | 'fix';
  dueAt: number;
}

/** How a running deadline stands: red once breached, amber from its warning point. */
export type DeadlineState = 'breached' | 'warning' | 'running' | 'met';

/** A verified fix is done; a merged ticket's camera is worked on its site outage's ticket instead. */
const CLOSED: readonly TicketStatus[] = ['verified', 'merged'];

/** Statuses still on the contractor's board: everything but a verified fix or a ticket merged into an outage. */
export function isOnBoard(ticket: { status: TicketStatus }): boolean {
  return !CLOSED.includes(ticket.status);
}

/** The soonest clock still running: response until the engineer is on site, then fix until fixed. */
export function nextDeadline(ticket: Clocked): NextDeadline | undefined {
  if (CLOSED.includes(ticket.status)) return undefined;
  if (ticket.response.metAt === null) return { clock: 'response', dueAt: Date.parse(ticket.response.dueAt) };
  if (ticket.fix.metAt === null) return { clock: 'fix', dueAt: Date.parse(ticket.fix.dueAt) };
  return undefined;
}

/**
 * How the next deadline stands at `now`. Breached when faults has said so or the time has passed
 * (the countdown must not wait for the timer's event); amber from the warning point when the view
 * carries it (the contractor's and the control room's do).
 */
export function deadlineState(ticket: Clocked, now: number): DeadlineState {
  const next = nextDeadline(ticket);
  if (!next) return 'met';
  const clock = ticket[next.clock];
  if (clock.breached || now >= next.dueAt) return 'breached';
  if (clock.warned || (clock.warnAt !== undefined && now >= Date.parse(clock.warnAt))) return 'warning';
  return 'running';
}

/** The board: soonest running deadline first, tickets with none (fixed, awaiting verification) last, oldest report first among equals. */
export function byDeadline(a: Clocked, b: Clocked): number {
  const da = nextDeadline(a)?.dueAt ?? Infinity;
  const db = nextDeadline(b)?.dueAt ?? Infinity;
  return (da === db ? 0 : da < db ? -1 : 1) || Date.parse(a.reportedAt) - Date.parse(b.reportedAt) || a.reference.localeCompare(b.reference);
}

/** "2h 05m left", "12m 30s left", "overdue 4m 10s": what the countdown reads. */
export function formatCountdown(dueAt: number, now: number): string {
  const ms = dueAt - now;
  const s = Math.floor(Math.abs(ms) / 1000);
  const span = s >= 86400 ? `${Math.floor(s / 86400)}d ${Math.floor((s % 86400) / 3600)}h` : s >= 3600 ? `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return ms >= 0 ? `${span} left` : `overdue ${span}`;
}
