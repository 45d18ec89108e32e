import { LoanState } from './domain/loan-state-machine';
import { LoanDeploymentEntity } from './loan-deployment.entity';
import { LoanEquipmentCheckEntity } from './loan-equipment-check.entity';

/** A stored deployment and its checks (oldest first) as the state machine sees them: the last check decides. */
export function loanStateOf(loan: LoanDeploymentEntity, checks: readonly LoanEquipmentCheckEntity[]): LoanState {
  const last = checks.at(-1);
  return {
    status: loan.status,
    lastCheck: last ? (last.passed ? 'passed' : 'failed') : null,
    installedAt: loan.installedAt?.getTime() ?? null,
    reviewDueAt: loan.reviewDueAt?.getTime() ?? null,
  };
}
