import { InMemoryAccountRegister } from './account-register';
import { SupervisionMonitor } from './supervision-monitor';

const SINCE = new Date('2026-11-23T00:00:00Z');
const t = (seconds: number): Date => new Date(SINCE.getTime() + seconds * 1000);
const record = (account: string, testIntervalSeconds?: number) => ({
  account,
  partnerId: 'p',
  site: 's',
  address: 'a',
  zones: {},
  users: {},
  testIntervalSeconds,
});

describe('SupervisionMonitor', () => {
  it('reports an account once when it goes late and once when it comes back', async () => {
    const events: string[] = [];
    const register = new InMemoryAccountRegister([record('A', 60), record('U')]);
    const monitor = new SupervisionMonitor(register, SINCE, {
      onLate: (account, lastSeen) => void events.push(`late ${account} ${lastSeen?.toISOString() ?? 'never'}`),
      onRestored: (account) => void events.push(`back ${account}`),
    });
    monitor.markSeen('A', t(10));
    await monitor.check(t(50));
    await monitor.check(t(71));
    await monitor.check(t(500));
    monitor.markSeen('A', t(501));
    await monitor.check(t(502));
    await monitor.check(t(600));
    expect(events).toEqual(['late A 2026-11-23T00:00:10.000Z', 'back A', 'late A 2026-11-23T00:08:21.000Z']);
  });

  it('reports a change again when its callback failed', async () => {
    const errors: unknown[] = [];
    const calls: string[] = [];
    let failing = true;
    const register = new InMemoryAccountRegister([record('A', 60)]);
    const monitor = new SupervisionMonitor(register, SINCE, {
      onLate: (account) => {
        calls.push(account);
        if (failing) throw new Error('notify down');
      },
      onError: (error) => void errors.push(error),
    });
    await monitor.check(t(61));
    failing = false;
    await monitor.check(t(62));
    await monitor.check(t(63));
    expect(calls).toEqual(['A', 'A']);
    expect(errors).toEqual([new Error('notify down')]);
  });

  it('keeps the latest sighting when frames are recorded out of order', async () => {
    const register = new InMemoryAccountRegister([record('A', 60)]);
    const monitor = new SupervisionMonitor(register, SINCE, {});
    monitor.markSeen('A', t(100));
    monitor.markSeen('A', t(50));
    expect(await monitor.lateAccounts(t(155))).toEqual([]);
  });
});
