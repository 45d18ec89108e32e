import { LateAccount, lateAccounts, supervisionChanges } from './supervision';

const SINCE = new Date('2026-11-23T00:00:00Z');
const t = (seconds: number): Date => new Date(SINCE.getTime() + seconds * 1000);
const accounts = [
  { account: 'A', testIntervalSeconds: 60 },
  { account: 'B', testIntervalSeconds: 3600 },
];

describe('lateAccounts', () => {
  it.each<[string, Record<string, number>, number, number, string[]]>([
    ['nobody late right after start', {}, 30, 0, []],
    ['never heard from, measured from start', {}, 61, 0, ['A']],
    ['heard from recently', { A: 100 }, 150, 0, []],
    ['exactly at the interval is not yet late', { A: 100 }, 160, 0, []],
    ['one second past the interval', { A: 100 }, 161, 0, ['A']],
    ['grace extends the interval', { A: 100 }, 170, 30, []],
    ['both late', { A: 0, B: 0 }, 4000, 0, ['A', 'B']],
  ])('%s', (_name, seen, now, grace, expected) => {
    const lastSeen = new Map(Object.entries(seen).map(([account, s]) => [account, t(s)]));
    expect(lateAccounts(accounts, lastSeen, t(now), SINCE, grace).map((l) => l.account)).toEqual(expected);
  });

  it('says when the account was due and by how much it is overdue', () => {
    expect(lateAccounts(accounts, new Map([['A', t(100)]]), t(190), SINCE)).toEqual([
      { account: 'A', lastSeen: t(100), dueAt: t(160), overdueSeconds: 30 },
    ]);
  });
});

describe('supervisionChanges', () => {
  const late = (account: string): LateAccount => ({ account, dueAt: SINCE, overdueSeconds: 1 });
  it.each<[string, string[], string[], string[], string[]]>([
    ['first time late', [], ['A'], ['A'], []],
    ['still late: no new report', ['A'], ['A'], [], []],
    ['back on time', ['A'], [], [], ['A']],
    ['one back, another late', ['A'], ['B'], ['B'], ['A']],
  ])('%s', (_name, before, now, newlyLate, recovered) => {
    const changes = supervisionChanges(new Set(before), now.map(late));
    expect(changes.newlyLate.map((l) => l.account)).toEqual(newlyLate);
    expect(changes.recovered).toEqual(recovered);
  });
});
