import { Interval } from '../working-time';
import { meanOf, TicketSteps, ticketDurations } from './response-times';

const h = 3_600_000;
const w = (start: number, end: number): Interval => ({ start: start * h, end: end * h });
const steps = (reported: number, responded: number | null, fixed: number | null): TicketSteps => ({
  reportedAt: reported * h,
  respondedAt: responded === null ? null : responded * h,
  fixedAt: fixed === null ? null : fixed * h,
});

describe('ticketDurations', () => {
  it.each<[string, TicketSteps, Interval[], [number | null, number | null]]>([
    ['on site after 3 h, fixed after 10 h', steps(0, 3, 10), [], [3, 10]],
    ['still open: neither measured', steps(0, null, null), [], [null, null]],
    ['attended, not fixed yet', steps(0, 2, null), [], [2, null]],
    ['maintenance inside the repair is not the contractor\'s time', steps(0, 3, 10), [w(4, 8)], [3, 6]],
    ['maintenance overlapping the report stops both clocks from the start', steps(1, 3, 10), [w(0, 2)], [1, 8]],
    ['maintenance on another day changes nothing', steps(0, 3, 10), [w(20, 30)], [3, 10]],
  ])('%s', (_what, ticket, maintenance, [respond, repair]) => {
    const durations = ticketDurations(ticket, maintenance);
    expect([durations.respondMs === null ? null : durations.respondMs / h, durations.repairMs === null ? null : durations.repairMs / h]).toEqual([respond, repair]);
  });
});

describe('meanOf', () => {
  it.each<[string, (number | null)[], { meanMs: number | null; count: number }]>([
    ['the mean of those measured', [2, 4, 9], { meanMs: 5, count: 3 }],
    ['open tickets (null) are left out, not counted as zero', [2, null, 4], { meanMs: 3, count: 2 }],
    ['nothing measured: no mean', [null], { meanMs: null, count: 0 }],
    ['rounded to the millisecond', [1, 2], { meanMs: 2, count: 2 }],
  ])('%s', (_what, durations, expected) => {
    expect(meanOf(durations)).toEqual(expected);
  });
});
