import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '@vigil/auth';
import { EventPublisher } from '@vigil/bus';
import { AddToWaitingList, WaitingChange } from '@vigil/contracts';
import { appendAllToOutbox, isUuid } from '@vigil/db';
import { faultActorOf } from '../../fault-actor';
import { FAULTS_SCHEMA } from '../../faults.schema';
import { CameraEntity } from '../../register/camera.entity';
import { waitingChangedEvent } from '../announce-loan';
import { isRecordedAhead } from '../domain/lending';
import { decideLoanAccess } from '../domain/loan-access';
import { decideWaitingCommand } from '../domain/waiting-list';
import { RequestLoanResult, WaitingResult } from '../loan-result';
import { LoanWaitingEntryEntity } from '../loan-waiting-entry.entity';
import { staleWaitingView, toWaitingView } from '../waiting-entry-view';
import { positionOf } from './waiting-queue';

/** A change to an entry: prioritise (with the reason) or record a contact (with what the customer was told). */
export type WaitingEntryCommand = { name: 'prioritise'; body: { version: number; reason: string } } | { name: 'contact'; body: { version: number; note: string; contactedAt?: string } };

/**
 * The owners' waiting lists: a customer added at the back, moved to the front for a priority,
 * told where they stand. Each change bumps the entry's version and is announced on
 * `loan-waiting.<owner>.<change>`; the place on the list follows from the dates, so others' places
 * move without a write of their own.
 */
@Injectable()
export class WaitingListUseCase {
  constructor(
    @InjectDataSource(FAULTS_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
  ) {}

  async add(principal: Principal, input: AddToWaitingList, now = new Date()): Promise<WaitingResult> {
    const access = decideLoanAccess(faultActorOf(principal), input, 'manage');
    if (access !== 'allowed') return { kind: 'forbidden', message: `a ${principal.role} may not add customers to a waiting list` };
    return this.dataSource.transaction(async (manager) => {
      const owned = await manager.exists(CameraEntity, { where: { partnerId: input.partnerId ?? undefined, clientName: input.clientName ?? undefined, type: 'redeployable-4g', decommissioned: false } });
      if (!owned) return { kind: 'refused', reason: 'owner-has-no-redeployable-cameras', message: `${input.partnerId ?? input.clientName} has no redeployable camera to lend` };
      const waiting = await manager.exists(LoanWaitingEntryEntity, { where: { partnerId: input.partnerId ?? undefined, clientName: input.clientName ?? undefined, customerReference: input.customerReference, status: 'waiting' } });
      if (waiting) return { kind: 'refused', reason: 'already-waiting', message: `customer ${input.customerReference} is already on the list` };
      const entry = newEntry(input, principal.subject, now);
      await manager.insert(LoanWaitingEntryEntity, entry);
      const stored = await manager.findOneByOrFail(LoanWaitingEntryEntity, { id: entry.id });
      return { kind: 'added', entry: await this.announce(manager, stored, 'added', principal.subject, null, now) };
    });
  }

  async change(principal: Principal, entryId: string, command: WaitingEntryCommand, now = new Date()): Promise<WaitingResult> {
    if (!isUuid(entryId)) return { kind: 'not-found', what: `waiting-list entry ${entryId}` };
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.findOne(LoanWaitingEntryEntity, { where: { id: entryId }, lock: { mode: 'pessimistic_write' } });
      const access = before ? decideLoanAccess(faultActorOf(principal), before, 'manage') : 'not-visible';
      if (!before || access === 'not-visible') return { kind: 'not-found', what: `waiting-list entry ${entryId}` };
      if (access === 'role-may-not') return { kind: 'forbidden', message: `a ${principal.role} may not change a waiting list` };
      if (before.version !== command.body.version) return { kind: 'stale', sentVersion: command.body.version, current: staleWaitingView(before) };
      const contactedAt = command.name === 'contact' && command.body.contactedAt ? new Date(command.body.contactedAt) : now;
      if (isRecordedAhead(contactedAt.getTime(), now.getTime())) return { kind: 'refused', reason: 'recorded-ahead', message: 'a contact is recorded after it happened, not ahead of it' };
      const decided = decideWaitingCommand({ status: before.status, prioritised: before.prioritisedAt !== null }, command.name);
      if (!decided.ok) return { kind: 'refused', reason: decided.reason, message: `cannot ${command.name} a ${before.status} customer: ${decided.reason}` };
      const patch: Partial<LoanWaitingEntryEntity> =
        command.name === 'prioritise'
          ? { prioritisedAt: now, prioritisedBy: principal.subject, priorityReason: command.body.reason }
          : { lastContactedAt: contactedAt, lastContactedBy: principal.subject, lastContactNote: command.body.note };
      const after = await writeEntryChange(manager, before, patch, now);
      const change: WaitingChange = command.name === 'prioritise' ? 'prioritised' : 'contacted';
      return { kind: 'changed', entry: await this.announce(manager, after, change, principal.subject, command.name === 'prioritise' ? command.body.reason : null, now) };
    });
  }

  /** Writes the entry's `taken` change for the deployment requested for it (take-next's transaction). */
  async markTaken(manager: EntityManager, before: LoanWaitingEntryEntity, requested: Extract<RequestLoanResult, { kind: 'requested' }>, actor: string, now: Date) {
    const after = await writeEntryChange(manager, before, { status: 'taken', takenAt: now, deploymentId: requested.loan.deploymentId }, now);
    return this.announce(manager, after, 'taken', actor, `camera ${requested.loan.cameraId} came free`, now);
  }

  private async announce(manager: EntityManager, entry: LoanWaitingEntryEntity, change: WaitingChange, actor: string, reason: string | null, now: Date) {
    const view = toWaitingView(entry, await positionOf(manager, entry));
    await appendAllToOutbox(manager, FAULTS_SCHEMA, [waitingChangedEvent(this.publisher, view, { change, changedBy: actor, reason }, now)]);
    return view;
  }
}

/** The new fields with the next version, only where the version is still the one read (the caller holds the row lock). */
async function writeEntryChange(manager: EntityManager, before: LoanWaitingEntryEntity, patch: Partial<LoanWaitingEntryEntity>, now: Date): Promise<LoanWaitingEntryEntity> {
  const after: LoanWaitingEntryEntity = { ...before, ...patch, version: before.version + 1, updatedAt: now };
  const updated = await manager.update(LoanWaitingEntryEntity, { id: before.id, version: before.version }, { ...patch, version: after.version, updatedAt: now });
  if (updated.affected !== 1) throw new Error(`waiting-list entry ${before.id} is no longer at version ${before.version}`);
  return after;
}

function newEntry(input: AddToWaitingList, actor: string, now: Date): Omit<LoanWaitingEntryEntity, 'seq'> {
  return {
    id: randomUUID(),
    partnerId: input.partnerId,
    clientName: input.clientName,
    customerReference: input.customerReference,
    customerName: input.customerName,
    address: input.address,
    need: input.need,
    status: 'waiting',
    addedAt: now,
    addedBy: actor,
    prioritisedAt: null,
    prioritisedBy: null,
    priorityReason: null,
    lastContactedAt: null,
    lastContactedBy: null,
    lastContactNote: null,
    takenAt: null,
    deploymentId: null,
    version: 1,
    updatedAt: now,
  };
}
