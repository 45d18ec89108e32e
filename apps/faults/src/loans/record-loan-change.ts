import { EntityManager } from 'typeorm';
import { EventPublisher } from '@vigil/bus';
import { LoanChange, LoanDeployment } from '@vigil/contracts';
import { appendAllToOutbox } from '@vigil/db';
import { FAULTS_SCHEMA } from '../faults.schema';
import { loanChangedEvent } from './announce-loan';
import { LoanDeploymentEntity } from './loan-deployment.entity';
import { LoanEquipmentCheckEntity } from './loan-equipment-check.entity';
import { toLoanView } from './loan-view';

/** One change to write: to which deployment (as locked), the fields, and who did it why. */
export interface LoanChangeToRecord {
  before: LoanDeploymentEntity;
  change: LoanChange;
  patch: Partial<LoanDeploymentEntity>;
  actor: string;
  reason: string | null;
  now: Date;
}

/** The row moved on between the caller's read and its write: the caller did not hold the row lock. */
export class LoanMovedOnError extends Error {}

/** A deployment's equipment checks, oldest first. */
export function checksOf(manager: EntityManager, deploymentId: string): Promise<LoanEquipmentCheckEntity[]> {
  return manager.find(LoanEquipmentCheckEntity, { where: { deploymentId }, order: { id: 'ASC' } });
}

/**
 * Writes a change the way every deployment change is written: the new fields with the next
 * version, only where the version is still the one read, and the `loanChanged` event in the
 * outbox, in the caller's transaction. Returns the row after it and its view.
 */
export async function recordLoanChange(manager: EntityManager, publisher: EventPublisher, change: LoanChangeToRecord): Promise<{ after: LoanDeploymentEntity; view: LoanDeployment }> {
  const { before, now } = change;
  const after: LoanDeploymentEntity = { ...before, ...change.patch, version: before.version + 1, updatedAt: now };
  const updated = await manager.update(LoanDeploymentEntity, { id: before.id, version: before.version }, { ...change.patch, version: after.version, updatedAt: now });
  if (updated.affected !== 1) throw new LoanMovedOnError(`deployment ${before.id} is no longer at version ${before.version}`);
  const view = toLoanView(after, await checksOf(manager, before.id));
  await appendAllToOutbox(manager, FAULTS_SCHEMA, [loanChangedEvent(publisher, view, { change: change.change, changedBy: change.actor, reason: change.reason }, now)]);
  return { after, view };
}
