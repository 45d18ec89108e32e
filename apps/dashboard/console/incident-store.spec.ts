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
});
