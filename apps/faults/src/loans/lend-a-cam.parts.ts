import { ChangeLoanUseCase } from './change-loan.usecase';
import { LoanDeploymentEntity } from './loan-deployment.entity';
import { LoanEquipmentCheckEntity } from './loan-equipment-check.entity';
import { LoanWaitingEntryEntity } from './loan-waiting-entry.entity';
import { LoansController } from './loans.controller';
import { RequestLoanUseCase } from './request-loan.usecase';
import { CheckLoanReviewUseCase } from './review/check-loan-review.usecase';
import { LoanReviewTimer } from './review/loan-review.timer';
import { TakeNextCustomerUseCase } from './waiting-list/take-next-customer.usecase';
import { WaitingListController } from './waiting-list/waiting-list.controller';
import { WaitingListUseCase } from './waiting-list/waiting-list.usecase';

/** Lend-A-Cam's parts of the faults module: redeployable cameras on loan, their waiting lists and review timers. */
export const LEND_A_CAM = {
  entities: [LoanDeploymentEntity, LoanEquipmentCheckEntity, LoanWaitingEntryEntity],
  controllers: [LoansController, WaitingListController],
  providers: [RequestLoanUseCase, ChangeLoanUseCase, CheckLoanReviewUseCase, LoanReviewTimer, WaitingListUseCase, TakeNextCustomerUseCase],
};
