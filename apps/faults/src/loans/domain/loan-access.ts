import { canSeeAsset, FaultActor, FaultActorRole, FaultOwnership } from '../../domain/ticket-access';

/** What people do with Lend-A-Cam deployments and waiting lists. */
export type LoanAction = 'read' | 'manage';

/**
 * Who may. The control room runs the scheme; the owning partner reads its own deployments and
 * list (it answers to its customers). Police and the contractor have no part in it: the records
 * name people who reported anti-social behaviour at their homes, so nobody without a need sees them.
 */
export const LOAN_ACTIONS_BY_ROLE: Record<FaultActorRole, readonly LoanAction[]> = {
  operator: ['read', 'manage'],
  supervisor: ['read', 'manage'],
  partner: ['read'],
  police: [],
  contractor: [],
};

/** `not-visible` is answered as missing (404), `role-may-not` as 403. */
export type LoanAccessDecision = 'allowed' | 'not-visible' | 'role-may-not';

/** Decides whether `actor` may do `action` on a deployment or waiting-list entry of `owner`. */
export function decideLoanAccess(actor: FaultActor, owner: FaultOwnership, action: LoanAction): LoanAccessDecision {
  if (!canSeeAsset(actor, owner)) return 'not-visible';
  return LOAN_ACTIONS_BY_ROLE[actor.role].includes(action) ? 'allowed' : 'role-may-not';
}
