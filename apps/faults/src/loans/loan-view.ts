import { LoanDeployment } from '@vigil/contracts';
import { LoanDeploymentEntity } from './loan-deployment.entity';
import { LoanEquipmentCheckEntity } from './loan-equipment-check.entity';

const iso = (at: Date | null) => at?.toISOString() ?? null;

/** A stored deployment and its equipment checks (oldest first), as the API shows it. */
export function toLoanView(loan: LoanDeploymentEntity, checks: readonly LoanEquipmentCheckEntity[]): LoanDeployment {
  return {
    deploymentId: loan.id,
    reference: loan.reference,
    cameraId: loan.cameraId,
    partnerId: loan.partnerId,
    clientName: loan.clientName,
    customerReference: loan.customerReference,
    customerName: loan.customerName,
    address: loan.address,
    need: loan.need,
    waitingEntryId: loan.waitingEntryId,
    status: loan.status,
    requestedAt: loan.requestedAt.toISOString(),
    requestedBy: loan.requestedBy,
    pia:
      loan.piaApprovedAt && loan.piaApprovedBy && loan.piaDocumentReference
        ? { approvedBy: loan.piaApprovedBy, approvedAt: loan.piaApprovedAt.toISOString(), documentReference: loan.piaDocumentReference, recordedBy: loan.piaRecordedBy ?? '' }
        : null,
    equipmentChecks: checks.map((c) => ({ checkedBy: c.checkedBy, checkedAt: c.checkedAt.toISOString(), passed: c.passed, notes: c.notes, recordedBy: c.recordedBy })),
    installedAt: iso(loan.installedAt),
    installedBy: loan.installedBy,
    reviewDueAt: iso(loan.reviewDueAt),
    reviewCount: loan.reviewCount,
    lastReview: loan.lastReviewedAt ? { at: loan.lastReviewedAt.toISOString(), by: loan.lastReviewedBy ?? '', notes: loan.lastReviewNotes ?? '' } : null,
    closedAt: iso(loan.closedAt),
    closedBy: loan.closedBy,
    closeReason: loan.closeReason,
    emergencyRemoval: loan.emergencyRemoval,
    updatedAt: loan.updatedAt.toISOString(),
    version: loan.version,
  };
}
