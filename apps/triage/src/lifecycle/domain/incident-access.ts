import { IncidentPlacement } from '@vigil/contracts';
import { LifecycleCommandName } from './lifecycle-command';

/** Who asks, as far as incident access goes (a principal fits). */
export interface IncidentActor {
  role: 'operator' | 'supervisor' | 'police' | 'partner' | 'contractor';
  partnerId?: string;
}

/** Whose incident it is. */
export interface IncidentOwnership {
  partnerId: string | null;
  placement: IncidentPlacement;
}

/**
 * Whether the actor may run a command: `not-visible` is answered exactly as a missing incident
 * (404), so nobody learns that another partner's or a client's incident exists; `role-may-not`
 * (403) only for incidents the actor already sees.
 */
export type AccessDecision = 'allowed' | 'not-visible' | 'role-may-not';

/** Commands each role may run on an incident it sees; operators (and their supervisor) work incidents, others only add what they know. */
const COMMANDS_BY_ROLE: Record<IncidentActor['role'], 'all' | readonly LifecycleCommandName[]> = {
  operator: 'all',
  supervisor: 'all',
  police: ['notes', 'police-reference'],
  partner: ['notes'],
  contractor: [],
};

/** Police, operators and the supervisor see every incident; a partner its own area's only (never a client's or an unplaced one); the contractor none. */
export function canActorSee(actor: IncidentActor, incident: IncidentOwnership): boolean {
  switch (actor.role) {
    case 'operator':
    case 'supervisor':
    case 'police':
      return true;
    case 'partner':
      return incident.placement === 'partner' && incident.partnerId !== null && incident.partnerId === actor.partnerId;
    case 'contractor':
      return false;
  }
}

/** Decides whether `actor` may run `command` on `incident`. */
export function decideAccess(actor: IncidentActor, incident: IncidentOwnership, command: LifecycleCommandName): AccessDecision {
  if (!canActorSee(actor, incident)) return 'not-visible';
  const allowed = COMMANDS_BY_ROLE[actor.role];
  return allowed === 'all' || allowed.includes(command) ? 'allowed' : 'role-may-not';
}
