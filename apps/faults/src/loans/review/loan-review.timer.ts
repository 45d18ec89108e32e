import { Inject, Injectable } from '@nestjs/common';
import { AppTimers, TimerResult, timersToken } from '@vigil/timers';
import { FAULTS_SCHEMA } from '../../faults.schema';
import { CheckLoanReviewUseCase } from './check-loan-review.usecase';
import { LOAN_REVIEW_TIMER, LoanReviewTimerPayload } from './loan-review-timer';

/** Thin adapter from the loan review timer to the check-review use case. */
@Injectable()
export class LoanReviewTimer {
  constructor(@Inject(timersToken(FAULTS_SCHEMA)) timers: AppTimers, checkReview: CheckLoanReviewUseCase) {
    timers.handle<LoanReviewTimerPayload>(LOAN_REVIEW_TIMER, async (timer) => {
      const outcome = await checkReview.execute(timer.payload.deploymentId);
      return TimerResult.done(outcome.action === 'none' ? outcome.reason : outcome.action);
    });
  }
}
