import { INCIDENT_STATUSES } from '@vigil/contracts';
import { LifecycleCommandName } from './lifecycle-command';

/** An incident's lifecycle state. */
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Why the state machine refuses a command; the reason is the API's `reason` and a log field. */
export type TransitionRefusal =
  | 'already-acknowledged'
  | 'not-acknowledged'
  | 'already-in-progress'
  | 'already-closed'
  | 'incident-closed'
  | 'not-closed'
  | 'merged-away';

/** The state machine's answer: the status after the command, or why not. */
export type TransitionDecision = { allowed: true; status: IncidentStatus } | { allowed: false; reason: TransitionRefusal };

/** What the state machine looks at. */
export interface LifecycleState {
  status: IncidentStatus;
  /** Set once the incident was merged into another: its calls are gone, so it stays closed. */
  mergedInto: string | null;
}

const allow = (status: IncidentStatus): TransitionDecision => ({ allowed: true, status });
const refuse = (reason: TransitionRefusal): TransitionDecision => ({ allowed: false, reason });

/**
 * open → acknowledged → in-progress → closed, and closed → acknowledged on re-open. Work on the
 * record (grade, place, THRIVE, cameras, monitoring, merge, split) needs a live incident; a note
 * and the police reference are welcome at any time, since both often come after the close.
 */
export function decideTransition(state: LifecycleState, command: LifecycleCommandName): TransitionDecision {
  const { status } = state;
  switch (command) {
    case 'acknowledge':
      if (status === 'open') return allow('acknowledged');
      return refuse(status === 'closed' ? 'incident-closed' : 'already-acknowledged');
    case 'start':
      if (status === 'acknowledged') return allow('in-progress');
      if (status === 'open') return refuse('not-acknowledged');
      return refuse(status === 'closed' ? 'incident-closed' : 'already-in-progress');
    case 'close':
      // Someone must have seen an incident before it is closed, so an open one is acknowledged first.
      if (status === 'acknowledged' || status === 'in-progress') return allow('closed');
      return refuse(status === 'open' ? 'not-acknowledged' : 'already-closed');
    case 'reopen':
      if (status !== 'closed') return refuse('not-closed');
      if (state.mergedInto) return refuse('merged-away');
      // Back on the board as seen: the control room knows it, it needs work again.
      return allow('acknowledged');
    case 'notes':
    case 'police-reference':
      return allow(status);
    case 'assign':
    case 'regrade':
    case 'reclassify':
    case 'locate':
    case 'thrive':
    case 'cameras':
    case 'monitoring':
    case 'merge':
    case 'split':
      return status === 'closed' ? refuse('incident-closed') : allow(status);
  }
}
