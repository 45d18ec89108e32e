import { AccountRecord, InMemoryAccountRegister } from './account-register';
import { CachedAccountRegister } from './cached-account-register';

const record = (site: string): AccountRecord => ({ account: '1234', partnerId: 'p1', site, address: '1 High St', zones: {}, users: {} });

/** An in-memory register that counts lookups and can be made to fail. */
class CountingRegister extends InMemoryAccountRegister {
  lookups = 0;
  failing = false;

  override async find(account: string): Promise<AccountRecord | undefined> {
    this.lookups++;
    if (this.failing) throw new Error('database down');
    return super.find(account);
  }
}

describe('CachedAccountRegister', () => {
  let inner: CountingRegister;
  let now: number;
  let cached: CachedAccountRegister;

  beforeEach(() => {
    inner = new CountingRegister([record('Bank')]);
    now = 0;
    cached = new CachedAccountRegister(inner, 10_000, () => now);
  });

  it('reads the register once per account until the entry expires', async () => {
    await Promise.all([cached.find('1234'), cached.find('1234')]);
    expect(await cached.find('1234')).toEqual(record('Bank'));
    expect(await cached.find('9999')).toBeUndefined();
    expect(await cached.find('9999')).toBeUndefined();
    expect(inner.lookups).toBe(2);
    now = 10_000;
    await cached.find('1234');
    expect(inner.lookups).toBe(3);
  });

  it('reads an account afresh once it is invalidated', async () => {
    await cached.find('1234');
    inner.put(record('Post Office'));
    expect(await cached.find('1234')).toEqual(record('Bank'));
    cached.invalidate('1234');
    expect(await cached.find('1234')).toEqual(record('Post Office'));
  });

  it('does not remember a failed lookup', async () => {
    inner.failing = true;
    await expect(cached.find('1234')).rejects.toThrow('database down');
    inner.failing = false;
    expect(await cached.find('1234')).toEqual(record('Bank'));
  });
});
