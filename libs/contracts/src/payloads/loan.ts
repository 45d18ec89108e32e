import { z } from 'zod';
import { subjectTokenSchema } from './camera-health';

/*
 * Lend-A-Cam: redeployable cameras lent to customers suffering anti-social behaviour (a housing
 * provider's scheme, codes-of-practice.md). A deployment needs an approved privacy impact
 * assessment and a passed equipment check before it is installed, runs at least 28 days, then
 * comes up for review; customers wait on a list and are kept informed.
 *
 * Events leave out the customer's name, address and need: they travel to every consumer of the
 * owner's subjects, and the customer reference is enough to find the case in the owner's records.
 */

/** requested → pia-approved → installed ⇄ in-review → removed; a deployment never installed may be cancelled. */
export const LOAN_STATUSES = ['requested', 'pia-approved', 'installed', 'in-review', 'removed', 'cancelled'] as const;
/** One of {@link LOAN_STATUSES}. */
export type LoanStatus = (typeof LOAN_STATUSES)[number];

/** What a deployment change was; also the last token of its subject. */
export const LOAN_CHANGES = ['requested', 'pia-approved', 'equipment-checked', 'installed', 'review-due', 'reviewed', 'removed', 'cancelled'] as const;
/** One of {@link LOAN_CHANGES}. */
export type LoanChange = (typeof LOAN_CHANGES)[number];

const version = z.number().int().min(1);
const reason = z.string().trim().min(3, 'give a reason').max(2000);
const person = z.string().trim().min(1).max(200);
const at = z.iso.datetime({ offset: true });

/** Who the camera is lent to: the owner's case reference, and the person and place (kept in faults, not on the bus). */
const customerFields = {
  /** The owner's own reference for the customer or case (a tenancy or ASB case number). */
  customerReference: z.string().trim().min(1).max(100),
  customerName: person,
  /** Where the camera goes: the customer's home. */
  address: z.string().trim().min(3).max(500),
  /** Why the customer needs it, in the owner's words. */
  need: z.string().trim().min(3).max(2000),
};

/** The approved privacy impact assessment a deployment needs before it is installed. */
export const privacyImpactAssessmentSchema = z.object({
  /** The manager who approved it. */
  approvedBy: person,
  approvedAt: at,
  /** Where the signed assessment is kept. */
  documentReference: z.string().trim().min(1).max(200),
  /** Who recorded the approval in Vigil. */
  recordedBy: z.string(),
});

/** One check of the equipment before a use: a failed or missing check refuses the install. */
export const equipmentCheckSchema = z.object({
  checkedBy: person,
  checkedAt: at,
  passed: z.boolean(),
  notes: z.string().nullable(),
  recordedBy: z.string(),
});
/** An equipment check. */
export type EquipmentCheck = z.infer<typeof equipmentCheckSchema>;

/** A deployment of a redeployable camera to a customer's place, as the API shows it. */
export const loanDeploymentSchema = z.object({
  deploymentId: z.uuid(),
  /** What people say on the phone: LAC-2026-000012. */
  reference: z.string(),
  cameraId: z.string(),
  /** The camera's owner, whose scheme it is. */
  partnerId: z.string().nullable(),
  clientName: z.string().nullable(),
  ...customerFields,
  /** The waiting-list entry it was taken from, when it was. */
  waitingEntryId: z.uuid().nullable(),
  status: z.enum(LOAN_STATUSES),
  requestedAt: at,
  requestedBy: z.string(),
  pia: privacyImpactAssessmentSchema.nullable(),
  /** Every check recorded for this use, oldest first; the last one decides the install. */
  equipmentChecks: z.array(equipmentCheckSchema),
  installedAt: at.nullable(),
  installedBy: z.string().nullable(),
  /** When it next comes up for review: 28 days after install, then after each review's extension. */
  reviewDueAt: at.nullable(),
  reviewCount: z.number().int().min(0),
  lastReview: z.object({ at, by: z.string(), notes: z.string() }).nullable(),
  /** Removed or cancelled: when, by whom, why. */
  closedAt: at.nullable(),
  closedBy: z.string().nullable(),
  closeReason: z.string().nullable(),
  /** Removed before the 28 days were served, for the reason given. */
  emergencyRemoval: z.boolean(),
  updatedAt: at,
  /** 1 when requested, +1 per change; consumers drop an event whose version is not newer. */
  version,
});
/** A Lend-A-Cam deployment. */
export type LoanDeployment = z.infer<typeof loanDeploymentSchema>;

/** A deployment after a change, as published: without the customer's name, address and need. */
export const loanChangedSchema = loanDeploymentSchema.omit({ customerName: true, address: true, need: true }).extend({
  change: z.enum(LOAN_CHANGES),
  changedBy: z.string(),
  changeReason: z.string().nullable(),
});
/** A deployment change as published. */
export type LoanChanged = z.infer<typeof loanChangedSchema>;

/** POST /api/loans: lend a redeployable camera to a customer (the request; nothing is installed yet). */
export const requestLoanSchema = z.object({ cameraId: subjectTokenSchema, ...customerFields });
/** A loan request. */
export type RequestLoan = z.infer<typeof requestLoanSchema>;

/** POST /api/loans/:id/pia-approval: the manager approved the privacy impact assessment. */
export const approvePiaSchema = z.object({ version, approvedBy: person, approvedAt: at, documentReference: z.string().trim().min(1).max(200) });
/** POST /api/loans/:id/equipment-checks: the equipment was checked before this use. */
export const recordEquipmentCheckSchema = z.object({ version, checkedBy: person, checkedAt: at, passed: z.boolean(), notes: z.string().trim().max(2000).nullable().default(null) });
/** POST /api/loans/:id/install: the camera is up at the customer's place; the 28 days start. */
export const installLoanSchema = z.object({ version });
/** POST /api/loans/:id/review: the review is done and the deployment goes on for another period. */
export const reviewLoanSchema = z.object({ version, notes: z.string().trim().min(3).max(4000), extendDays: z.number().int().min(1).max(90).default(28) });
/** POST /api/loans/:id/remove: taken down; before 28 days only as an emergency, with the reason. */
export const removeLoanSchema = z
  .object({ version, emergency: z.boolean().default(false), reason: reason.nullable().default(null) })
  .refine((r) => !r.emergency || r.reason !== null, { message: 'an emergency removal needs a reason', path: ['reason'] });
/** POST /api/loans/:id/cancel: a request that will not go ahead (the assessment was not approved, the customer moved). */
export const cancelLoanSchema = z.object({ version, reason });

/** GET /api/loans query. */
export const loanListQuerySchema = z.object({
  cameraId: z.string().optional(),
  partnerId: z.string().optional(),
  status: z.enum(LOAN_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
/** Parsed loan list query. */
export type LoanListQuery = z.infer<typeof loanListQuerySchema>;

// ---------------------------------------------------------------------------------------------
// The waiting list: customers waiting for a camera of an owner's scheme.

/** `waiting` on the list, or `taken` off it when a camera came free for them. */
export const WAITING_STATUSES = ['waiting', 'taken'] as const;
/** What a waiting-list change was; also the last token of its subject. */
export const WAITING_CHANGES = ['added', 'prioritised', 'contacted', 'taken'] as const;
/** One of {@link WAITING_CHANGES}. */
export type WaitingChange = (typeof WAITING_CHANGES)[number];

/** A customer on the waiting list, as the API shows it. */
export const waitingEntrySchema = z.object({
  entryId: z.uuid(),
  partnerId: z.string().nullable(),
  clientName: z.string().nullable(),
  ...customerFields,
  status: z.enum(WAITING_STATUSES),
  /** 1 is next; null once taken. Priorities come first (in the order they were given), then everyone else by when they were added. */
  position: z.number().int().min(1).nullable(),
  addedAt: at,
  addedBy: z.string(),
  priority: z.object({ reason: z.string(), by: z.string(), at }).nullable(),
  /** The date the customer was last told where they stand. */
  lastContactedAt: at.nullable(),
  lastContact: z.object({ by: z.string(), note: z.string() }).nullable(),
  takenAt: at.nullable(),
  deploymentId: z.uuid().nullable(),
  updatedAt: at,
  version,
});
/** A waiting-list entry. */
export type WaitingEntry = z.infer<typeof waitingEntrySchema>;

/** A waiting-list change as published: without the customer's name, address and need, nor the position (it moves with others' changes). */
export const waitingEntryChangedSchema = waitingEntrySchema.omit({ customerName: true, address: true, need: true, position: true }).extend({
  change: z.enum(WAITING_CHANGES),
  changedBy: z.string(),
  changeReason: z.string().nullable(),
});
/** A waiting-list change as published. */
export type WaitingEntryChanged = z.infer<typeof waitingEntryChangedSchema>;

const ownerRule = (o: { partnerId: string | null; clientName: string | null }) => (o.partnerId === null) !== (o.clientName === null);

/** POST /api/loan-waiting-list: a customer joins the owner's list, at the back. */
export const addToWaitingListSchema = z
  .object({ partnerId: z.string().min(1).nullable().default(null), clientName: z.string().min(1).nullable().default(null), ...customerFields })
  .refine(ownerRule, { message: 'partnerId or clientName, exactly one', path: ['partnerId'] });
/** A customer to add. */
export type AddToWaitingList = z.infer<typeof addToWaitingListSchema>;
/** POST /api/loan-waiting-list/:id/priority: to the front, behind earlier priorities, for the reason given. */
export const prioritiseWaitingSchema = z.object({ version, reason });
/** POST /api/loan-waiting-list/:id/contacts: the customer was told where they stand. */
export const recordContactSchema = z.object({ version, note: z.string().trim().min(1).max(2000), contactedAt: at.optional() });
/** POST /api/loan-waiting-list/take-next: a camera came free; the owner's next customer gets a deployment request for it. */
export const takeNextWaitingSchema = z.object({ cameraId: subjectTokenSchema });

/** GET /api/loan-waiting-list query: the waiting customers, in order, per owner. */
export const waitingListQuerySchema = z.object({
  partnerId: z.string().optional(),
  clientName: z.string().optional(),
  status: z.enum(WAITING_STATUSES).default('waiting'),
});
/** Parsed waiting-list query. */
export type WaitingListQuery = z.infer<typeof waitingListQuerySchema>;
