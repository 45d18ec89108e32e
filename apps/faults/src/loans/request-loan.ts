import { randomUUID } from 'node:crypto';
import { EntityManager, In, Not } from 'typeorm';
import { EventPublisher } from '@vigil/bus';
import { RequestLoan } from '@vigil/contracts';
import { appendAllToOutbox } from '@vigil/db';
import { FAULTS_SCHEMA } from '../faults.schema';
import { FaultActor } from '../domain/ticket-access';
import { CameraEntity } from '../register/camera.entity';
import { loanChangedEvent } from './announce-loan';
import { decideLending } from './domain/lending';
import { decideLoanAccess } from './domain/loan-access';
import { CLOSED_LOAN_STATUSES } from './domain/loan-state-machine';
import { LoanDeploymentEntity } from './loan-deployment.entity';
import { RequestLoanResult } from './loan-result';
import { toLoanView } from './loan-view';

/** Who asks, and the waiting-list entry the request comes from (when it does). */
export interface LoanRequester {
  actor: FaultActor;
  subject: string;
  waitingEntryId: string | null;
}

/**
 * Requests a deployment of a camera in the caller's transaction: the camera row is locked, so two
 * requests for one camera take turns and the second finds it lent (the partial unique index on
 * open deployments backs this up). The deployment is version 1 and announced as `requested`.
 */
export async function requestLoan(manager: EntityManager, publisher: EventPublisher, who: LoanRequester, input: RequestLoan, now: Date): Promise<RequestLoanResult> {
  const camera = await manager.findOne(CameraEntity, { where: { cameraId: input.cameraId }, lock: { mode: 'pessimistic_write' } });
  if (!camera) return { kind: 'not-found', what: `camera ${input.cameraId}` };
  const access = decideLoanAccess(who.actor, camera, 'manage');
  if (access === 'not-visible') return { kind: 'not-found', what: `camera ${input.cameraId}` };
  if (access === 'role-may-not') return { kind: 'forbidden', message: `a ${who.actor.role} may not lend cameras` };
  const held = await manager.exists(LoanDeploymentEntity, { where: { cameraId: camera.cameraId, status: Not(In([...CLOSED_LOAN_STATUSES])) } });
  const lending = decideLending({ type: camera.type, decommissioned: camera.decommissioned, heldByDeployment: held });
  if (!lending.ok) return { kind: 'refused', reason: lending.reason, message: `camera ${camera.cameraId} cannot be lent: ${lending.reason}` };
  const [row]: { seq: string }[] = await manager.query(`SELECT nextval('"${FAULTS_SCHEMA}"."loan_reference_seq"') AS seq`);
  const loan: LoanDeploymentEntity = {
    id: randomUUID(),
    reference: `LAC-${now.getUTCFullYear()}-${String(row.seq).padStart(6, '0')}`,
    cameraId: camera.cameraId,
    partnerId: camera.partnerId,
    clientName: camera.clientName,
    customerReference: input.customerReference,
    customerName: input.customerName,
    address: input.address,
    need: input.need,
    waitingEntryId: who.waitingEntryId,
    status: 'requested',
    requestedAt: now,
    requestedBy: who.subject,
    piaApprovedBy: null,
    piaApprovedAt: null,
    piaDocumentReference: null,
    piaRecordedBy: null,
    installedAt: null,
    installedBy: null,
    reviewDueAt: null,
    reviewCount: 0,
    lastReviewedAt: null,
    lastReviewedBy: null,
    lastReviewNotes: null,
    closedAt: null,
    closedBy: null,
    closeReason: null,
    emergencyRemoval: false,
    version: 1,
    updatedAt: now,
  };
  await manager.insert(LoanDeploymentEntity, loan);
  const view = toLoanView(loan, []);
  await appendAllToOutbox(manager, FAULTS_SCHEMA, [loanChangedEvent(publisher, view, { change: 'requested', changedBy: who.subject, reason: null }, now)]);
  return { kind: 'requested', loan: view };
}
