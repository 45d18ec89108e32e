import { OutboxRow, versionRuns } from './outbox-relay';

const row = (id: number, aggregate: string | null, version: number | null): OutboxRow => ({
  id: String(id),
  subject: 's',
  envelope: {} as OutboxRow['envelope'],
  aggregate_id: aggregate,
  aggregate_version: version,
});
const ids = (runs: OutboxRow[][]) => runs.map((run) => run.map((r) => Number(r.id)));

describe('versionRuns', () => {
  it.each<[string, OutboxRow[], number[][], number[]]>([
    ['events without an aggregate go alone, in id order', [row(2, null, null), row(1, null, null)], [[1], [2]], []],
    ['an aggregate goes in version order, whatever the row order', [row(3, 'a', 3), row(1, 'a', 1), row(2, 'a', 2)], [[1, 2, 3]], []],
    ['two aggregates are two runs', [row(1, 'a', 1), row(2, 'b', 7), row(3, 'a', 2)], [[1, 3], [2]], []],
    ['a gap ends the run; what follows waits for another pass', [row(1, 'a', 1), row(2, 'a', 2), row(4, 'a', 4), row(5, 'a', 5)], [[1, 2]], [4, 5]],
  ])('%s', (_case, rows, runs, afterGaps) => {
    const result = versionRuns(rows);
    expect(ids(result.runs)).toEqual(runs);
    expect(result.afterGaps.map((r) => Number(r.id))).toEqual(afterGaps);
  });
});
