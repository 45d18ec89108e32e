import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventPublisher } from '@vigil/bus';
import { AppTimers, timersToken } from '@vigil/timers';
import { FAULTS_SCHEMA } from '../../faults.schema';
import { decideLoanCommand, LoanRefusal } from '../domain/loan-state-machine';
import { LoanDeploymentEntity } from '../loan-deployment.entity';
import { loanStateOf } from '../loan-state-of';
import { checksOf, recordLoanChange } from '../record-loan-change';
import { syncReviewTimer } from './loan-review-timer';

/** What a run of the review timer did, for the log. */
export type LoanReviewOutcome = { action: 'review-due' } | { action: 'none'; reason: LoanRefusal | 'no-such-deployment' } | { action: 'rescheduled'; at: Date };

/**
 * A deployment's review timer fired: under the row lock, the state machine decides whether its
 * review is due. When it is, the deployment goes into review and `review-due` is announced once: a
 * second run (a crash mid-run, another replica) finds it in review and does nothing. A review date
 * moved later since the timer was set (a review extended it) sets the timer again.
 */
@Injectable()
export class CheckLoanReviewUseCase {
  constructor(
    @InjectDataSource(FAULTS_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    @Inject(timersToken(FAULTS_SCHEMA)) private readonly timers: AppTimers,
  ) {}

  async execute(deploymentId: string, now = new Date()): Promise<LoanReviewOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.findOne(LoanDeploymentEntity, { where: { id: deploymentId }, lock: { mode: 'pessimistic_write' } });
      if (!before) return { action: 'none', reason: 'no-such-deployment' };
      const decided = decideLoanCommand(loanStateOf(before, await checksOf(manager, before.id)), 'review-due', now.getTime());
      if (!decided.ok) {
        if (decided.reason !== 'review-not-due' || !before.reviewDueAt) return { action: 'none', reason: decided.reason };
        await syncReviewTimer(this.timers, before, manager);
        return { action: 'rescheduled', at: before.reviewDueAt };
      }
      const reason = before.reviewCount === 0 ? 'minimum-term-served' : 'review-period-over';
      const { after } = await recordLoanChange(manager, this.publisher, { before, change: 'review-due', patch: { status: decided.effect.status }, actor: 'faults', reason, now });
      await syncReviewTimer(this.timers, after, manager);
      return { action: 'review-due' };
    });
  }
}
