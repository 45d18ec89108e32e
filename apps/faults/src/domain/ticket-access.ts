import type { TicketStatus } from '@vigil/contracts';
import { TicketCommand } from './ticket-state-machine';

/**
 * Who acts on faults. `supervisor` is the control-room supervisor; sign-in issues no such role
 * yet, so until it does nobody holds it and only its rows below wait for it.
 */
export type FaultActorRole = 'operator' | 'supervisor' | 'police' | 'partner' | 'contractor';

/** Who asks. */
export interface FaultActor {
  role: FaultActorRole;
  partnerId?: string;
}

/** What faults does for people, besides the ticket commands. */
export type FaultAction = TicketCommand | 'report' | 'plan-maintenance' | 'manage-register';

/** The answer: `not-visible` is answered as a missing ticket (404), `role-may-not` (403) only for what the actor sees. */
export type FaultAccessDecision = 'allowed' | 'not-visible' | 'role-may-not';

/**
 * Who may do what. The contractor works its tickets but never verifies its own work; the control
 * room verifies (it sees the picture come back) and reopens a fix that did not hold; only a
 * supervisor overturns a verification. Police report what they see on their monitors; partners
 * read their own. Planned maintenance stops the contractor's clock, so the control room plans it;
 * the control room also keeps the camera register.
 */
export const FAULT_ACTIONS_BY_ROLE: Record<FaultActorRole, readonly FaultAction[]> = {
  operator: ['report', 'verify', 'reopen', 'plan-maintenance', 'manage-register'],
  supervisor: ['report', 'acknowledge', 'on-site', 'fixed', 'verify', 'reopen', 'plan-maintenance', 'manage-register'],
  police: ['report'],
  partner: [],
  contractor: ['report', 'acknowledge', 'on-site', 'fixed'],
};

/** Whose camera or ticket it is. */
export interface FaultOwnership {
  partnerId: string | null;
}

/** Police, the control room and the contractor see every camera and ticket; a partner only its own, never a client's. */
export function canSeeAsset(actor: FaultActor, owner: FaultOwnership): boolean {
  if (actor.role !== 'partner') return true;
  return owner.partnerId !== null && owner.partnerId === actor.partnerId;
}

/** Decides whether `actor` may do `action` on a ticket (or camera, for `report`) in `status`. */
export function decideFaultAccess(actor: FaultActor, owner: FaultOwnership, action: FaultAction, status?: TicketStatus): FaultAccessDecision {
  if (!canSeeAsset(actor, owner)) return 'not-visible';
  if (!FAULT_ACTIONS_BY_ROLE[actor.role].includes(action)) return 'role-may-not';
  if (action === 'reopen' && status === 'verified' && actor.role !== 'supervisor') return 'role-may-not';
  return 'allowed';
}
