import { Principal } from '@vigil/auth';
import { IncidentEntity } from '../incidents/incident.entity';
import { toIncidentView } from '../incidents/incident-view';
import { decideAccess } from './domain/incident-access';
import { decideTransition, TransitionDecision } from './domain/incident-state-machine';
import { LifecycleCommandName } from './domain/lifecycle-command';
import { LifecycleResult } from './lifecycle-result';

/** Refusal messages the console can show as they are. */
const TRANSITION_MESSAGES: Record<Extract<TransitionDecision, { allowed: false }>['reason'], string> = {
  'already-acknowledged': 'the incident is already acknowledged',
  'not-acknowledged': 'acknowledge the incident first',
  'already-in-progress': 'the incident is already in progress',
  'already-closed': 'the incident is already closed',
  'incident-closed': 'the incident is closed: re-open it first',
  'not-closed': 'only a closed incident can be re-opened',
  'merged-away': 'the incident was merged into another; work on that one',
};

/**
 * The checks every command makes on a locked incident, in this order: may the caller see it
 * (else not found), may its role do this (forbidden), is the version the one it saw (stale,
 * with the current incident), does the state allow it (refused). The status after the command
 * when all pass.
 */
export function checkCommand(
  principal: Principal,
  incident: IncidentEntity | undefined,
  incidentId: string,
  command: LifecycleCommandName,
  sentVersion: number | undefined,
): { ok: true; status: IncidentEntity['status'] } | { ok: false; result: LifecycleResult } {
  if (!incident) return { ok: false, result: { kind: 'not-found', what: `incident ${incidentId}` } };
  const access = decideAccess(principal, incident, command);
  if (access === 'not-visible') return { ok: false, result: { kind: 'not-found', what: `incident ${incidentId}` } };
  if (access === 'role-may-not') return { ok: false, result: { kind: 'forbidden', message: `a ${principal.role} may not ${command} an incident` } };
  if (sentVersion !== undefined && sentVersion !== incident.version) {
    return { ok: false, result: { kind: 'stale', sentVersion, current: toIncidentView(incident) } };
  }
  const transition = decideTransition(incident, command);
  if (!transition.allowed) return { ok: false, result: { kind: 'refused', reason: transition.reason, message: TRANSITION_MESSAGES[transition.reason] } };
  return { ok: true, status: transition.status };
}
