import type { FaultSeverity, TicketChange, TicketStatus } from '@vigil/contracts';
import { meetClock, startClocks, TicketClocks } from './sla-clock';
import { SlaContract } from './sla-contract';
import { decideTicketTransition, TicketCommand, TicketRefusal } from './ticket-state-machine';
import { Interval } from './working-time';

/** A ticket as a command sees it. */
export interface TicketState {
  status: TicketStatus;
  severity: FaultSeverity;
  clocks: TicketClocks;
}

/** What a command does besides the status: its clocks, its cameras' faults, and the change it announces. */
export interface TicketEffect {
  status: TicketStatus;
  clocks: TicketClocks;
  change: TicketChange;
  /** `close` when verified (the cameras may return to service), `reopen` when a verified fix is reopened. */
  faults: 'keep' | 'close' | 'reopen';
}

const CHANGE_OF: Record<TicketCommand, TicketChange> = {
  acknowledge: 'acknowledged',
  'on-site': 'engineer-on-site',
  fixed: 'fixed',
  verify: 'verified',
  reopen: 'reopened',
};

/**
 * What a command does to a ticket at `now`. Being on site meets the response (attendance) clock;
 * fixed meets the fix clock, and the response clock too when no attendance was recorded (a remote
 * fix answered the fault). A reopen is a recall (assumed contract term): both clocks start again
 * from the reopening, and the breaches of the first round stay on the record.
 */
export function applyTicketCommand(
  ticket: TicketState,
  command: TicketCommand,
  now: number,
  contract: SlaContract,
  windows: readonly Interval[],
): { ok: true; effect: TicketEffect } | { ok: false; reason: TicketRefusal } {
  const transition = decideTicketTransition(ticket.status, command);
  if (!transition.allowed) return { ok: false, reason: transition.reason };
  const { clocks } = ticket;
  const effect = (next: TicketClocks, faults: TicketEffect['faults'] = 'keep') => ({ ok: true as const, effect: { status: transition.status, clocks: next, change: CHANGE_OF[command], faults } });
  switch (command) {
    case 'acknowledge':
      return effect(clocks);
    case 'on-site':
      return effect({ ...clocks, response: meetClock(clocks.response, now) });
    case 'fixed':
      return effect({ response: meetClock(clocks.response, now), fix: meetClock(clocks.fix, now) });
    case 'verify':
      return effect(clocks, 'close');
    case 'reopen':
      return effect(startClocks(now, ticket.severity, contract, windows), ticket.status === 'verified' ? 'reopen' : 'keep');
  }
}
