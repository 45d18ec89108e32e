import { z } from 'zod';
import { approvePiaSchema, cancelLoanSchema, installLoanSchema, recordEquipmentCheckSchema, removeLoanSchema, reviewLoanSchema } from '@vigil/contracts';
import { LoanCommand } from './domain/loan-state-machine';

/** The commands people send over REST (the review timer sends `review-due` itself). */
export type PersonLoanCommand = Exclude<LoanCommand, 'review-due'>;

/** Each command's body schema, as the routes validate it. */
export const LOAN_COMMAND_SCHEMAS = {
  'approve-pia': approvePiaSchema,
  'record-check': recordEquipmentCheckSchema,
  install: installLoanSchema,
  review: reviewLoanSchema,
  remove: removeLoanSchema,
  cancel: cancelLoanSchema,
} as const satisfies Record<PersonLoanCommand, z.ZodType>;

/** A command with its validated body. */
export type LoanCommandWithBody = { [N in PersonLoanCommand]: { name: N; body: z.infer<(typeof LOAN_COMMAND_SCHEMAS)[N]> } }[PersonLoanCommand];
