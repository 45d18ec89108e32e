import type { TicketStatus } from '@vigil/contracts';

/** What people do to a ticket. */
export const TICKET_COMMANDS = ['acknowledge', 'on-site', 'fixed', 'verify', 'reopen'] as const;
/** One of {@link TICKET_COMMANDS}. */
export type TicketCommand = (typeof TICKET_COMMANDS)[number];

/** Why the state machine refuses a command: the API's 422 `reason` and a log field. */
export type TicketRefusal =
  | 'already-acknowledged'
  | 'not-acknowledged'
  | 'already-on-site'
  | 'already-fixed'
  | 'not-fixed'
  | 'already-verified'
  | 'ticket-verified'
  | 'ticket-merged';

/** The state machine's answer: the status after the command, or why not. */
export type TicketTransition = { allowed: true; status: TicketStatus } | { allowed: false; reason: TicketRefusal };

const allow = (status: TicketStatus): TicketTransition => ({ allowed: true, status });
const refuse = (reason: TicketRefusal): TicketTransition => ({ allowed: false, reason });
const awaitingContractor = (status: TicketStatus) => status === 'reported' || status === 'reopened';

/**
 * reported → acknowledged → engineer-on-site → fixed → verified, and fixed or verified → reopened
 * (then acknowledged again). An engineer who turns up before the desk acknowledged is on site all
 * the same (arriving is the response the clock waits for), and a fault cleared remotely (a switch
 * reset from the contractor's office) is fixed from acknowledged; a fix nobody acknowledged is not.
 * A merged ticket takes no command.
 */
export function decideTicketTransition(status: TicketStatus, command: TicketCommand): TicketTransition {
  // Its camera is worked on the outage's grouped ticket now; this one only records that it was.
  if (status === 'merged') return refuse('ticket-merged');
  switch (command) {
    case 'acknowledge':
      if (awaitingContractor(status)) return allow('acknowledged');
      return refuse(status === 'verified' ? 'ticket-verified' : 'already-acknowledged');
    case 'on-site':
      if (awaitingContractor(status) || status === 'acknowledged') return allow('engineer-on-site');
      if (status === 'engineer-on-site') return refuse('already-on-site');
      return refuse(status === 'verified' ? 'ticket-verified' : 'already-fixed');
    case 'fixed':
      if (status === 'acknowledged' || status === 'engineer-on-site') return allow('fixed');
      if (awaitingContractor(status)) return refuse('not-acknowledged');
      return refuse(status === 'verified' ? 'ticket-verified' : 'already-fixed');
    case 'verify':
      if (status === 'fixed') return allow('verified');
      return refuse(status === 'verified' ? 'already-verified' : 'not-fixed');
    case 'reopen':
      if (status === 'fixed' || status === 'verified') return allow('reopened');
      return refuse('not-fixed');
  }
}
