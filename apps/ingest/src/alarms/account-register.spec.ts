import { AccountRecord, InMemoryAccountRegister } from './account-register';

const record = (account: string, extra: Partial<AccountRecord> = {}): AccountRecord => ({
  account,
  partnerId: 'stevenage',
  site: 'Town Centre',
  address: '1 High St',
  zones: { '1': 'Front door' },
  users: {},
  ...extra,
});

describe('InMemoryAccountRegister', () => {
  it('finds registered accounts and nothing else', async () => {
    const register = new InMemoryAccountRegister([record('1234')]);
    expect(await register.find('1234')).toEqual(record('1234'));
    expect(await register.find('9999')).toBeUndefined();
  });

  it('lists only accounts with a test interval as supervised', async () => {
    const register = new InMemoryAccountRegister([record('1234', { testIntervalSeconds: 3600 }), record('5678')]);
    register.put(record('ABCD', { testIntervalSeconds: 60 }));
    expect(await register.supervised()).toEqual([
      { account: '1234', testIntervalSeconds: 3600 },
      { account: 'ABCD', testIntervalSeconds: 60 },
    ]);
  });
});
