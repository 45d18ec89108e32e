import type { CommandRefusal } from '@vigil/config';
import { LoanDeployment, WaitingEntry } from '@vigil/contracts';

/** What became of a loan request: the new deployment, or why not (see CommandRefusal). */
export type RequestLoanResult = { kind: 'requested'; loan: LoanDeployment } | CommandRefusal<LoanDeployment>;

/** What became of a deployment command: the deployment after it, or why not. */
export type LoanResult = RequestLoanResult | { kind: 'changed'; loan: LoanDeployment };

/** What became of a waiting-list command: the entry after it, or why not. */
export type WaitingResult = { kind: 'added'; entry: WaitingEntry } | { kind: 'changed'; entry: WaitingEntry } | CommandRefusal<WaitingEntry & { reference: string }>;

/** What became of taking the next customer: their entry and the deployment requested for them, or why not. */
export type TakeNextResult = { kind: 'taken'; entry: WaitingEntry; loan: LoanDeployment } | CommandRefusal<LoanDeployment>;
