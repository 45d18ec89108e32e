import { AccountRecord, AccountRegister, SupervisedAccount } from './account-register';

interface Cached {
  record: Promise<AccountRecord | undefined>;
  expiresAt: number;
}

/**
 * An {@link AccountRegister} that remembers each lookup, unknown accounts included, for
 * `ttlMs`, so the ACK path does not wait on the database per frame. Whoever changes an account
 * in this process calls {@link invalidate}; other replicas see the change within `ttlMs`.
 * Concurrent lookups of one account share one query; a failed query is not remembered.
 */
export class CachedAccountRegister implements AccountRegister {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly inner: AccountRegister,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  find(account: string): Promise<AccountRecord | undefined> {
    const key = account.toUpperCase();
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.record;
    const record = this.inner.find(account);
    const entry = { record, expiresAt: this.now() + this.ttlMs };
    this.cache.set(key, entry);
    record.catch(() => this.cache.get(key) === entry && this.cache.delete(key));
    return record;
  }

  supervised(): Promise<SupervisedAccount[]> {
    return this.inner.supervised();
  }

  /** Forgets an account, so the next frame from it reads the register afresh. */
  invalidate(account: string): void {
    this.cache.delete(account.toUpperCase());
  }
}
