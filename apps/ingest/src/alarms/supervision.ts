import { SupervisedAccount } from './account-register';

/** A supervised account that has not been heard from within its test interval. */
export interface LateAccount {
  account: string;
  /** Undefined when it has not been heard from since the receiver started. */
  lastSeen?: Date;
  dueAt: Date;
  overdueSeconds: number;
}

/**
 * Accounts overdue for a test report or link test at `now`. An account not yet heard from is
 * measured from `since` (the receiver's start), so a restart does not flag every panel at once.
 */
export function lateAccounts(
  accounts: SupervisedAccount[],
  lastSeen: ReadonlyMap<string, Date>,
  now: Date,
  since: Date,
  graceSeconds = 0,
): LateAccount[] {
  return accounts.flatMap(({ account, testIntervalSeconds }) => {
    const seen = lastSeen.get(account);
    const dueAt = new Date((seen ?? since).getTime() + (testIntervalSeconds + graceSeconds) * 1000);
    const overdueSeconds = (now.getTime() - dueAt.getTime()) / 1000;
    return overdueSeconds > 0 ? [{ account, lastSeen: seen, dueAt, overdueSeconds }] : [];
  });
}

/** Which accounts became late since the last check, and which previously late ones are back. */
export function supervisionChanges(
  previouslyLate: ReadonlySet<string>,
  late: LateAccount[],
): { newlyLate: LateAccount[]; recovered: string[] } {
  const lateNow = new Set(late.map((l) => l.account));
  return {
    newlyLate: late.filter((l) => !previouslyLate.has(l.account)),
    recovered: [...previouslyLate].filter((account) => !lateNow.has(account)),
  };
}
