import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@vigil/auth';
import { EventPublisher } from '@vigil/bus';
import { faultActorOf } from '../../fault-actor';
import { FAULTS_SCHEMA } from '../../faults.schema';
import { CameraEntity } from '../../register/camera.entity';
import { decideLoanAccess } from '../domain/loan-access';
import { TakeNextResult } from '../loan-result';
import { requestLoan } from '../request-loan';
import { waitingQueue } from './waiting-queue';
import { WaitingListUseCase } from './waiting-list.usecase';

/**
 * POST /api/loan-waiting-list/take-next: a camera came free, so the first customer on its owner's
 * list gets a deployment request for it and leaves the list, in one transaction. The owner's
 * waiting rows are locked, so two takers never take the same customer.
 */
@Injectable()
export class TakeNextCustomerUseCase {
  constructor(
    @InjectDataSource(FAULTS_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly waitingList: WaitingListUseCase,
  ) {}

  async execute(principal: Principal, cameraId: string, now = new Date()): Promise<TakeNextResult> {
    const actor = faultActorOf(principal);
    return this.dataSource.transaction(async (manager) => {
      const camera = await manager.findOneBy(CameraEntity, { cameraId });
      const access = camera ? decideLoanAccess(actor, camera, 'manage') : 'not-visible';
      if (!camera || access === 'not-visible') return { kind: 'not-found', what: `camera ${cameraId}` };
      if (access === 'role-may-not') return { kind: 'forbidden', message: `a ${principal.role} may not lend cameras` };
      const [next] = await waitingQueue(manager, camera, { lock: true });
      if (!next) return { kind: 'refused', reason: 'nobody-waiting', message: `nobody is waiting for a camera of ${camera.partnerId ?? camera.clientName}` };
      const requested = await requestLoan(manager, this.publisher, { actor, subject: principal.subject, waitingEntryId: next.id }, { cameraId, customerReference: next.customerReference, customerName: next.customerName, address: next.address, need: next.need }, now);
      if (requested.kind !== 'requested') return requested;
      const entry = await this.waitingList.markTaken(manager, next, requested, principal.subject, now);
      return { kind: 'taken', entry, loan: requested.loan };
    });
  }
}
