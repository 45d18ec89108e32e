import { listQuery, matchesFilter } from './incident-filter';
import { incidentFixture } from './incident.fixture';

describe('matchesFilter', () => {
  const incident = incidentFixture();
  it.each([
    [{}, true],
    [{ partnerId: 'north-herts', grade: 3 }, true],
    [{ partnerId: 'stevenage' }, false],
    [{ town: 'Hitchin Town Centre', source: 'Controller' as const }, true],
    [{ status: 'closed' as const }, false],
    [{ category: 'Theft' }, false],
    [{ q: 'vig-2026-000001' }, true],
    [{ q: 'STATION' }, true],
    [{ q: 'knife' }, false],
  ])('%j → %s', (filter, expected) => expect(matchesFilter(incident, filter)).toBe(expected));
});

describe('listQuery', () => {
  it('names filters as GET /api/incidents does, skipping empty ones, page last', () => {
    expect(listQuery({ grade: 1, town: undefined, q: '' , status: 'closed' }, 'all', 100, 0)).toBe('board=all&grade=1&status=closed&limit=100&offset=0');
  });
});
