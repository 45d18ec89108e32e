import { incidentFixture } from './incident.fixture';
import { IncidentStore } from './incident-store';

describe('IncidentStore', () => {
  it('keeps the highest version whatever order versions arrive in', () => {
    const store = new IncidentStore();
    expect(store.upsert(incidentFixture({ version: 2, status: 'acknowledged' }))).toBe(true);
    expect(store.upsert(incidentFixture({ version: 1 }))).toBe(false);
    expect(store.upsert(incidentFixture({ version: 2, status: 'open' }))).toBe(false);
    expect(store.get(incidentFixture().incidentId)?.status).toBe('acknowledged');
  });

  it('drops what a snapshot no longer lists, except what arrived while it loaded', () => {
    const store = new IncidentStore();
    const closedMeanwhile = incidentFixture({ incidentId: 'a', reference: 'A' });
    const arrivedDuringLoad = incidentFixture({ incidentId: 'b', reference: 'B' });
    const inSnapshot = incidentFixture({ incidentId: 'c', reference: 'C', version: 4 });
    [closedMeanwhile, arrivedDuringLoad, incidentFixture({ incidentId: 'c', reference: 'C', version: 5 })].forEach((i) => store.upsert(i));
    store.replaceWithSnapshot([inSnapshot], new Set(['b']));
    expect(store.all().map((i) => [i.reference, i.version])).toEqual([
      ['B', 1],
      ['C', 5],
    ]);
  });

  it('finds an incident by reference, whatever the case', () => {
    const store = new IncidentStore();
    store.upsert(incidentFixture());
    expect(store.findByReference(' vig-2026-000001 ')?.incidentId).toBe(incidentFixture().incidentId);
  });

  it.each([
    ['drops a held older version and answers it', 2, 3, 'VIG-2026-000001', []],
    ['ignores a withdrawal older than what came back since', 5, 4, undefined, ['VIG-2026-000001']],
    ['ignores a withdrawal of the very version held', 3, 3, undefined, ['VIG-2026-000001']],
  ] as const)('withdraw %s', (_what, held, withdrawnAt, answered, left) => {
    const store = new IncidentStore();
    store.upsert(incidentFixture({ version: held }));
    expect(store.withdraw(incidentFixture().incidentId, withdrawnAt)?.reference).toBe(answered);
    expect(store.all().map((i) => i.reference)).toEqual(left);
  });

  it('keeps a withdrawn incident away when an older copy arrives late, and takes it back at a newer version', () => {
    const store = new IncidentStore();
    store.upsert(incidentFixture({ version: 1 }));
    store.withdraw(incidentFixture().incidentId, 3);
    expect(store.upsert(incidentFixture({ version: 2 }))).toBe(false);
    expect(store.upsert(incidentFixture({ version: 3 }))).toBe(false);
    expect(store.upsert(incidentFixture({ version: 4 }))).toBe(true);
    expect(store.all().map((i) => i.version)).toEqual([4]);
  });

  it('remembers a withdrawal of an incident it never held', () => {
    const store = new IncidentStore();
    expect(store.withdraw(incidentFixture().incidentId, 2)).toBeUndefined();
    expect(store.upsert(incidentFixture({ version: 1 }))).toBe(false);
  });
});
