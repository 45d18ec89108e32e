import { AppTimers, Queryable } from '@vigil/timers';
import type { LoanStatus } from '@vigil/contracts';

/** The timer kind of a deployment's review: one pending timer per deployment. */
export const LOAN_REVIEW_TIMER = 'loan-review';

/** What a review timer carries. */
export interface LoanReviewTimerPayload {
  deploymentId: string;
}

/**
 * Sets the deployment's review timer to its review date while it is installed, and cancels it
 * otherwise (in review, removed), in the caller's transaction: the timer is what the committed row says.
 */
export async function syncReviewTimer(timers: AppTimers, loan: { id: string; status: LoanStatus; reviewDueAt: Date | null }, manager: Queryable): Promise<void> {
  if (loan.status === 'installed' && loan.reviewDueAt) {
    await timers.schedule(LOAN_REVIEW_TIMER, loan.id, loan.reviewDueAt, { deploymentId: loan.id } satisfies LoanReviewTimerPayload, { manager });
  } else {
    await timers.cancel(LOAN_REVIEW_TIMER, loan.id, { manager });
  }
}
