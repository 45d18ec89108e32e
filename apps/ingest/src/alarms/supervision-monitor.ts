import { AccountRegister } from './account-register';
import { LateAccount, lateAccounts, supervisionChanges } from './supervision';

/** Calls back once per change between on time and late. */
export interface SupervisionCallbacks {
  onLate?(account: string, lastSeen: Date | undefined): Promise<void> | void;
  onRestored?(account: string, seenAt: Date | undefined): Promise<void> | void;
  /** A callback failed; the change is reported again at the next check. */
  onError?(error: unknown, where: string): void;
}

/** Remembers when each account was last heard from and reports accounts going late and coming back. */
export class SupervisionMonitor {
  private readonly lastSeen = new Map<string, Date>();
  private late = new Set<string>();
  private checking = false;

  constructor(
    private readonly register: AccountRegister,
    private readonly since: Date,
    private readonly callbacks: SupervisionCallbacks,
    private readonly graceSeconds = 0,
  ) {}

  /** Records that a valid frame (link tests included) arrived from the account. */
  markSeen(account: string, at: Date): void {
    const previous = this.lastSeen.get(account);
    if (!previous || previous < at) this.lastSeen.set(account, at);
  }

  /** Accounts overdue at `now`. */
  async lateAccounts(now: Date): Promise<LateAccount[]> {
    return lateAccounts(await this.register.supervised(), this.lastSeen, now, this.since, this.graceSeconds);
  }

  /** Compares with the previous check and fires the callbacks for what changed; overlapping checks are skipped. */
  async check(now: Date): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const late = await this.lateAccounts(now);
      const { newlyLate, recovered } = supervisionChanges(this.late, late);
      const next = new Set(late.map((l) => l.account));
      // A change whose callback failed is left unrecorded, so the next check reports it again.
      for (const l of newlyLate) {
        if (!(await this.notify(() => this.callbacks.onLate?.(l.account, l.lastSeen)))) next.delete(l.account);
      }
      for (const account of recovered) {
        if (!(await this.notify(() => this.callbacks.onRestored?.(account, this.lastSeen.get(account))))) next.add(account);
      }
      this.late = next;
    } finally {
      this.checking = false;
    }
  }

  private async notify(callback: () => Promise<void> | void): Promise<boolean> {
    try {
      await callback();
      return true;
    } catch (error) {
      this.callbacks.onError?.(error, 'supervision callback');
      return false;
    }
  }
}
