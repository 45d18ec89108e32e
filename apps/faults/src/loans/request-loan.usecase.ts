import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@vigil/auth';
import { EventPublisher } from '@vigil/bus';
import { RequestLoan } from '@vigil/contracts';
import { faultActorOf } from '../fault-actor';
import { FAULTS_SCHEMA } from '../faults.schema';
import { RequestLoanResult } from './loan-result';
import { requestLoan } from './request-loan';

/** POST /api/loans: lend a redeployable camera to a customer who did not come off the waiting list (an urgent case, say). */
@Injectable()
export class RequestLoanUseCase {
  constructor(
    @InjectDataSource(FAULTS_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
  ) {}

  execute(principal: Principal, input: RequestLoan, now = new Date()): Promise<RequestLoanResult> {
    return this.dataSource.transaction((manager) => requestLoan(manager, this.publisher, { actor: faultActorOf(principal), subject: principal.subject, waitingEntryId: null }, input, now));
  }
}
