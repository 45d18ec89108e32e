import { formatWaited, isOverdue, openBoard, pinGradeOne } from './board-order';
import { incidentFixture } from './incident.fixture';

const at = (minute: number) => `2026-12-01T22:${String(minute).padStart(2, '0')}:00.000Z`;
const incident = (reference: string, grade: number, openedMinute: number, status: 'open' | 'closed' = 'open') =>
  incidentFixture({ incidentId: reference, reference, grade, openedAt: at(openedMinute), status });

describe('openBoard', () => {
  it('puts grade first, then the longest waiting, and leaves closed incidents out', () => {
    const board = openBoard([incident('c', 3, 1), incident('b', 2, 5), incident('a', 1, 9), incident('d', 2, 2), incident('x', 1, 0, 'closed')]);
    expect(board.map((i) => i.reference)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('keeps a new grade 1 above fifty routine incidents opened before it', () => {
    const routine = Array.from({ length: 50 }, (_, n) => incident(`r${n}`, 2 + (n % 3), n % 60));
    const { pinned, routine: rest } = pinGradeOne(openBoard([...routine, incident('urgent', 1, 59)]));
    expect(pinned.map((i) => i.reference)).toEqual(['urgent']);
    expect(rest).toHaveLength(50);
  });
});

describe('formatWaited', () => {
  it.each([
    [0, '0m 00s'],
    [65_000, '1m 05s'],
    [3_720_000, '1h 02m'],
    [2 * 86_400_000 + 3 * 3_600_000, '2d 3h'],
    [-5000, '0m 00s'],
  ])('%d ms reads %s', (ms, text) => expect(formatWaited(ms)).toBe(text));
});

describe('isOverdue', () => {
  const now = Date.parse(at(30));
  it.each([
    ['no target time', null, 'open', false],
    ['target time still ahead', at(31), 'open', false],
    ['target time passed', at(29), 'acknowledged', true],
    ['target time passed but closed', at(29), 'closed', false],
  ] as const)('%s', (_, respondBy, status, overdue) => expect(isOverdue({ respondBy, status }, now)).toBe(overdue));
});
