import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '@vigil/auth';
import { EventPublisher } from '@vigil/bus';
import { isUuid } from '@vigil/db';
import { AppTimers, timersToken } from '@vigil/timers';
import { faultActorOf } from '../fault-actor';
import { FAULTS_SCHEMA } from '../faults.schema';
import { isRecordedAhead } from './domain/lending';
import { decideLoanAccess } from './domain/loan-access';
import { decideLoanCommand, LoanEffect } from './domain/loan-state-machine';
import { LoanCommandWithBody } from './loan-commands';
import { LoanDeploymentEntity } from './loan-deployment.entity';
import { LoanEquipmentCheckEntity } from './loan-equipment-check.entity';
import { LoanResult } from './loan-result';
import { loanStateOf } from './loan-state-of';
import { toLoanView } from './loan-view';
import { checksOf, recordLoanChange } from './record-loan-change';
import { syncReviewTimer } from './review/loan-review-timer';

/**
 * POST /api/loans/:id/<command>: the assessment approved, an equipment check, install, review,
 * remove, cancel. The row is locked and written only at the version the caller saw (409 with the
 * deployment when behind); the change, its check, its event and the review timer are one transaction.
 */
@Injectable()
export class ChangeLoanUseCase {
  constructor(
    @InjectDataSource(FAULTS_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    @Inject(timersToken(FAULTS_SCHEMA)) private readonly timers: AppTimers,
  ) {}

  async execute(principal: Principal, deploymentId: string, command: LoanCommandWithBody, now = new Date()): Promise<LoanResult> {
    if (!isUuid(deploymentId)) return { kind: 'not-found', what: `deployment ${deploymentId}` };
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.findOne(LoanDeploymentEntity, { where: { id: deploymentId }, lock: { mode: 'pessimistic_write' } });
      const access = before ? decideLoanAccess(faultActorOf(principal), before, 'manage') : 'not-visible';
      if (!before || access === 'not-visible') return { kind: 'not-found', what: `deployment ${deploymentId}` };
      if (access === 'role-may-not') return { kind: 'forbidden', message: `a ${principal.role} may not ${command.name} a deployment` };
      const checks = await checksOf(manager, before.id);
      if (before.version !== command.body.version) return { kind: 'stale', sentVersion: command.body.version, current: toLoanView(before, checks) };
      const recordedAt = recordedTimeOf(command);
      if (recordedAt !== null && isRecordedAhead(recordedAt, now.getTime())) return { kind: 'refused', reason: 'recorded-ahead', message: 'a check or approval is recorded after it happened, not ahead of it' };
      const decided = decideLoanCommand(
        loanStateOf(before, checks),
        command.name,
        now.getTime(),
        { emergency: command.name === 'remove' && command.body.emergency, extendDays: command.name === 'review' ? command.body.extendDays : undefined },
      );
      if (!decided.ok) return { kind: 'refused', reason: decided.reason, message: `cannot ${command.name} a ${before.status} deployment: ${decided.reason}` };
      return this.apply(manager, principal.subject, before, command, decided.effect, now);
    });
  }

  private async apply(manager: EntityManager, actor: string, before: LoanDeploymentEntity, command: LoanCommandWithBody, effect: LoanEffect, now: Date): Promise<LoanResult> {
    const patch: Partial<LoanDeploymentEntity> = {
      status: effect.status,
      installedAt: effect.installedAt === null ? null : new Date(effect.installedAt),
      reviewDueAt: effect.reviewDueAt === null ? null : new Date(effect.reviewDueAt),
      ...patchOf(command, actor, before, now),
    };
    if (command.name === 'remove') patch.emergencyRemoval = effect.emergencyRemoval;
    if (command.name === 'record-check') {
      const { checkedBy, checkedAt, passed, notes } = command.body;
      await manager.insert(LoanEquipmentCheckEntity, { deploymentId: before.id, cameraId: before.cameraId, checkedBy, checkedAt: new Date(checkedAt), passed, notes, recordedBy: actor, recordedAt: now });
    }
    const reason = command.name === 'remove' || command.name === 'cancel' ? command.body.reason : null;
    const { after, view } = await recordLoanChange(manager, this.publisher, { before, change: effect.change, patch, actor, reason, now });
    await syncReviewTimer(this.timers, after, manager);
    return { kind: 'changed', loan: view };
  }
}

/** The time a command says something happened, when it says one. */
function recordedTimeOf(command: LoanCommandWithBody): number | null {
  if (command.name === 'approve-pia') return Date.parse(command.body.approvedAt);
  if (command.name === 'record-check') return Date.parse(command.body.checkedAt);
  return null;
}

/** The fields a command writes besides the status and dates the state machine decides. */
function patchOf(command: LoanCommandWithBody, actor: string, before: LoanDeploymentEntity, now: Date): Partial<LoanDeploymentEntity> {
  switch (command.name) {
    case 'approve-pia':
      return { piaApprovedBy: command.body.approvedBy, piaApprovedAt: new Date(command.body.approvedAt), piaDocumentReference: command.body.documentReference, piaRecordedBy: actor };
    case 'install':
      return { installedBy: actor };
    case 'review':
      return { reviewCount: before.reviewCount + 1, lastReviewedAt: now, lastReviewedBy: actor, lastReviewNotes: command.body.notes };
    case 'remove':
    case 'cancel':
      return { closedAt: now, closedBy: actor, closeReason: command.body.reason };
    case 'record-check':
      return {};
  }
}
