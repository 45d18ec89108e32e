import type { LoanStatus } from '@vigil/contracts';
import { decideLoanCommand, holdsCamera, LOAN_MINIMUM_DAYS, LoanCommand, LoanCommandInput, LoanState } from './loan-state-machine';

const DAY = 86_400_000;
const installedAt = Date.UTC(2026, 0, 5, 10);
const due = installedAt + LOAN_MINIMUM_DAYS * DAY;

const requested: LoanState = { status: 'requested', lastCheck: null, installedAt: null, reviewDueAt: null };
const approved: LoanState = { ...requested, status: 'pia-approved' };
const installed: LoanState = { status: 'installed', lastCheck: 'passed', installedAt, reviewDueAt: due };
const inReview: LoanState = { ...installed, status: 'in-review' };
const removed: LoanState = { ...installed, status: 'removed' };
const cancelled: LoanState = { ...requested, status: 'cancelled' };

describe('a Lend-A-Cam deployment', () => {
  it.each<[string, LoanState, LoanCommand, number, LoanCommandInput, LoanStatus]>([
    ['an assessment is approved for a request', requested, 'approve-pia', installedAt, {}, 'pia-approved'],
    ['a check is recorded before the assessment', requested, 'record-check', installedAt, {}, 'requested'],
    ['a check is recorded after the assessment', approved, 'record-check', installedAt, {}, 'pia-approved'],
    ['an approved, checked camera is installed', { ...approved, lastCheck: 'passed' }, 'install', installedAt, {}, 'installed'],
    ['the review comes up at 28 days', installed, 'review-due', due, {}, 'in-review'],
    ['a review extends it', inReview, 'review', due + DAY, { extendDays: 14 }, 'installed'],
    ['removal after 28 days, review done or not', installed, 'remove', due, {}, 'removed'],
    ['removal from review', inReview, 'remove', due + DAY, {}, 'removed'],
    ['an emergency removal before 28 days', installed, 'remove', installedAt + 3 * DAY, { emergency: true }, 'removed'],
    ['a request that will not go ahead', requested, 'cancel', installedAt, {}, 'cancelled'],
    ['an approved request that will not go ahead', approved, 'cancel', installedAt, {}, 'cancelled'],
  ])('allows: %s', (_, loan, command, now, input, status) => {
    const decided = decideLoanCommand(loan, command, now, input);
    expect(decided).toMatchObject({ ok: true, effect: { status } });
  });

  it.each<[string, LoanState, LoanCommand, number, LoanCommandInput, string]>([
    ['no install without an approved assessment', { ...requested, lastCheck: 'passed' }, 'install', installedAt, {}, 'pia-not-approved'],
    ['no install without a check', approved, 'install', installedAt, {}, 'equipment-not-checked'],
    ['no install after a failed check', { ...approved, lastCheck: 'failed' }, 'install', installedAt, {}, 'equipment-check-failed'],
    ['no second install', installed, 'install', installedAt, {}, 'already-installed'],
    ['no second approval', approved, 'approve-pia', installedAt, {}, 'pia-already-approved'],
    ['no approval once installed', installed, 'approve-pia', installedAt, {}, 'already-installed'],
    ['no check once installed (it is checked before use)', installed, 'record-check', installedAt, {}, 'already-installed'],
    ['no removal a second before 28 days', installed, 'remove', due - 1_000, {}, 'minimum-term-not-served'],
    ['no removal of what was never installed', approved, 'remove', due, { emergency: true }, 'not-installed'],
    ['no review before it is due', installed, 'review-due', due - 1_000, {}, 'review-not-due'],
    ['the review comes up once', inReview, 'review-due', due + DAY, {}, 'already-in-review'],
    ['no review of a deployment not in review', installed, 'review', due - DAY, {}, 'not-in-review'],
    ['no review of a request', requested, 'review-due', due, {}, 'not-installed'],
    ['no cancelling an installed camera (remove it)', installed, 'cancel', due, {}, 'already-installed'],
    ['nothing after removal', removed, 'review-due', due, {}, 'deployment-closed'],
    ['nothing after cancelling', cancelled, 'approve-pia', due, {}, 'deployment-closed'],
  ])('refuses: %s', (_, loan, command, now, input, reason) => {
    expect(decideLoanCommand(loan, command, now, input)).toEqual({ ok: false, reason });
  });

  it.each([
    ['install', { ...approved, lastCheck: 'passed' as const }, installedAt, {}, { installedAt, reviewDueAt: due, emergencyRemoval: false }],
    ['review', inReview, due + DAY, { extendDays: 14 }, { installedAt, reviewDueAt: due + 15 * DAY }],
    ['review', inReview, due, {}, { reviewDueAt: due + LOAN_MINIMUM_DAYS * DAY }],
    ['remove', installed, installedAt + 3 * DAY, { emergency: true }, { emergencyRemoval: true }],
    ['remove', installed, due + DAY, { emergency: true }, { emergencyRemoval: false }],
  ] as const)('%s sets the dates and flags it owns', (command, loan, now, input, expected) => {
    expect(decideLoanCommand(loan, command, now, input)).toMatchObject({ ok: true, effect: expected });
  });

  it.each<[LoanStatus, boolean]>([
    ['requested', true],
    ['pia-approved', true],
    ['installed', true],
    ['in-review', true],
    ['removed', false],
    ['cancelled', false],
  ])('a %s deployment holds its camera: %s', (status, holds) => {
    expect(holdsCamera(status)).toBe(holds);
  });
});
