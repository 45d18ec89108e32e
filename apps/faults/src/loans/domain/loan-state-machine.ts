import type { LoanChange, LoanStatus } from '@vigil/contracts';

/** The Lend-A-Cam code of practice: installed for a minimum of 28 days, then reviewed. */
export const LOAN_MINIMUM_DAYS = 28;
const DAY_MS = 86_400_000;

/** What people (and the review timer) do to a deployment. */
export const LOAN_COMMANDS = ['approve-pia', 'record-check', 'install', 'review-due', 'review', 'remove', 'cancel'] as const;
/** One of {@link LOAN_COMMANDS}. */
export type LoanCommand = (typeof LOAN_COMMANDS)[number];

/** Why a command is refused: the API's 422 `reason` and a log field. */
export type LoanRefusal =
  | 'pia-not-approved'
  | 'pia-already-approved'
  | 'equipment-not-checked'
  | 'equipment-check-failed'
  | 'already-installed'
  | 'not-installed'
  | 'review-not-due'
  | 'already-in-review'
  | 'not-in-review'
  | 'minimum-term-not-served'
  | 'deployment-closed';

/** A deployment as a command sees it. */
export interface LoanState {
  status: LoanStatus;
  /** The last equipment check recorded for this use, if any. */
  lastCheck: 'passed' | 'failed' | null;
  installedAt: number | null;
  reviewDueAt: number | null;
}

/** What a command asks for besides its name. */
export interface LoanCommandInput {
  /** `remove`: taken down before the minimum term for the reason given. */
  emergency?: boolean;
  /** `review`: how long the deployment goes on before its next review. */
  extendDays?: number;
}

/** The deployment after an allowed command. */
export interface LoanEffect {
  status: LoanStatus;
  change: LoanChange;
  installedAt: number | null;
  reviewDueAt: number | null;
  emergencyRemoval: boolean;
}

/** The answer: the effect, or the named refusal. */
export type LoanDecision = { ok: true; effect: LoanEffect } | { ok: false; reason: LoanRefusal };

/** A deployment that is over: it no longer holds its camera. */
export const CLOSED_LOAN_STATUSES: readonly LoanStatus[] = ['removed', 'cancelled'];
const CLOSED = CLOSED_LOAN_STATUSES;
const ON_SITE: readonly LoanStatus[] = ['installed', 'in-review'];

/**
 * What a command does to a deployment at `now`. The order of the checks is the order a person
 * fixes them in: a closed deployment first, then the assessment, then the equipment. A
 * deployment installed for the minimum term may be removed whether or not its review came up yet
 * (the timer may still be on its way); before then only an emergency removal is allowed.
 */
export function decideLoanCommand(loan: LoanState, command: LoanCommand, now: number, input: LoanCommandInput = {}): LoanDecision {
  if (CLOSED.includes(loan.status)) return refuse('deployment-closed');
  const same = { status: loan.status, installedAt: loan.installedAt, reviewDueAt: loan.reviewDueAt, emergencyRemoval: false };
  const onSite = ON_SITE.includes(loan.status);
  switch (command) {
    case 'approve-pia':
      return loan.status === 'requested' ? allow({ ...same, status: 'pia-approved', change: 'pia-approved' }) : refuse(onSite ? 'already-installed' : 'pia-already-approved');
    case 'record-check':
      return onSite ? refuse('already-installed') : allow({ ...same, change: 'equipment-checked' });
    case 'install':
      if (onSite) return refuse('already-installed');
      if (loan.status !== 'pia-approved') return refuse('pia-not-approved');
      if (loan.lastCheck === null) return refuse('equipment-not-checked');
      if (loan.lastCheck === 'failed') return refuse('equipment-check-failed');
      return allow({ ...same, status: 'installed', change: 'installed', installedAt: now, reviewDueAt: now + LOAN_MINIMUM_DAYS * DAY_MS });
    case 'review-due':
      if (loan.status === 'in-review') return refuse('already-in-review');
      if (loan.status !== 'installed') return refuse('not-installed');
      if (loan.reviewDueAt === null || now < loan.reviewDueAt) return refuse('review-not-due');
      return allow({ ...same, status: 'in-review', change: 'review-due' });
    case 'review':
      if (loan.status === 'installed') return refuse('not-in-review');
      if (loan.status !== 'in-review') return refuse('not-installed');
      return allow({ ...same, status: 'installed', change: 'reviewed', reviewDueAt: now + (input.extendDays ?? LOAN_MINIMUM_DAYS) * DAY_MS });
    case 'remove': {
      if (!onSite || loan.installedAt === null) return refuse('not-installed');
      const served = now - loan.installedAt >= LOAN_MINIMUM_DAYS * DAY_MS;
      if (!served && !input.emergency) return refuse('minimum-term-not-served');
      return allow({ ...same, status: 'removed', change: 'removed', emergencyRemoval: !served });
    }
    case 'cancel':
      return onSite ? refuse('already-installed') : allow({ ...same, status: 'cancelled', change: 'cancelled' });
  }
}

function allow(effect: LoanEffect): LoanDecision {
  return { ok: true, effect };
}

function refuse(reason: LoanRefusal): LoanDecision {
  return { ok: false, reason };
}

/** Whether a deployment still holds its camera (one deployment at a time per camera). */
export function holdsCamera(status: LoanStatus): boolean {
  return !CLOSED.includes(status);
}
