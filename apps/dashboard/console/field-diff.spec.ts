import { diffIncident } from './field-diff';
import { incidentFixture } from './incident.fixture';

describe('diffIncident', () => {
  it('lists what another operator changed, in words, and not the bookkeeping', () => {
    const seen = incidentFixture();
    const current = incidentFixture({ version: 3, status: 'acknowledged', assignee: 'op-a', grade: 2, updatedAt: '2026-12-01T22:05:00.000Z' });
    expect(diffIncident(seen, current)).toEqual([
      { field: 'status', label: 'Status', seen: 'open', current: 'acknowledged' },
      { field: 'assignee', label: 'Assigned to', seen: '—', current: 'op-a' },
      { field: 'grade', label: 'Grade', seen: '3', current: '2' },
    ]);
  });

  it('spells out an outcome and lists', () => {
    const seen = incidentFixture();
    const current = incidentFixture({
      cameras: ['HT-04', 'HT-07'],
      outcome: { arrests: 2, policeAttended: true, footageRequested: false, noFurtherAction: false, summary: null },
    });
    const changes = diffIncident(seen, current);
    expect(changes.find((c) => c.field === 'cameras')?.current).toBe('HT-04, HT-07');
    expect(changes.find((c) => c.field === 'outcome')?.current).toBe('arrests: 2; policeAttended');
  });

  it('is empty when nothing an operator reads changed', () => {
    expect(diffIncident(incidentFixture(), incidentFixture({ version: 2, updatedAt: '2026-12-01T22:09:00.000Z' }))).toEqual([]);
  });
});
