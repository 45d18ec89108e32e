import { Interval } from '../working-time';
import { addAvailability, Availability, availabilityRatio, cameraAvailability } from './availability';
import { londonQuarters } from './london-calendar';

const h = 3_600_000;
const w = (start: number, end: number): Interval => ({ start: start * h, end: end * h });
const hours = (a: Availability) => ({ scheduled: a.scheduledMs / h, down: a.downMs / h });

describe('cameraAvailability', () => {
  it.each<[string, Interval, Interval[], Interval[], { scheduled: number; down: number }]>([
    ['no faults: all up', w(0, 100), [], [], { scheduled: 100, down: 0 }],
    ['a fault inside the period', w(0, 100), [w(10, 20)], [], { scheduled: 100, down: 10 }],
    ['a fault open before the period counts from its start', w(10, 100), [w(0, 20)], [], { scheduled: 90, down: 10 }],
    ['a fault still open counts to the end of the period', w(0, 100), [w(90, 200)], [], { scheduled: 100, down: 10 }],
    ['two faults at once (two tickets) count once', w(0, 100), [w(10, 30), w(20, 40)], [], { scheduled: 100, down: 30 }],
    ['maintenance is not scheduled time', w(0, 100), [], [w(40, 60)], { scheduled: 80, down: 0 }],
    ['maintenance overlapping a fault: the overlap is neither', w(0, 100), [w(10, 50)], [w(40, 60)], { scheduled: 80, down: 30 }],
    ['a fault wholly inside maintenance costs nothing', w(0, 100), [w(42, 58)], [w(40, 60)], { scheduled: 80, down: 0 }],
    ['a period all maintenance schedules nothing', w(0, 10), [w(0, 10)], [w(0, 10)], { scheduled: 0, down: 0 }],
    ['a fault outside the period is not counted', w(0, 100), [w(150, 160)], [], { scheduled: 100, down: 0 }],
  ])('%s', (_what, period, down, maintenance, expected) => {
    expect(hours(cameraAvailability(period, down, maintenance))).toEqual(expected);
  });

  it('splits a fault spanning a quarter boundary between the two quarters (London time)', () => {
    // Down from 12:00 UTC on 31 March to 12:00 UTC on 1 April 2026; Q2 starts at 23:00 UTC (midnight BST).
    const fault = { start: Date.parse('2026-03-31T12:00:00Z'), end: Date.parse('2026-04-01T12:00:00Z') };
    const [q1, q2] = londonQuarters({ start: Date.parse('2026-03-01T00:00:00Z'), end: Date.parse('2026-04-30T00:00:00Z') });
    expect(cameraAvailability(q1, [fault], []).downMs / h).toBe(11);
    expect(cameraAvailability(q2, [fault], []).downMs / h).toBe(13);
  });
});

describe('availabilityRatio and addAvailability', () => {
  it.each<[string, Availability[], number | null]>([
    ['one camera down a tenth of the time', [{ scheduledMs: 100, downMs: 10 }], 0.9],
    ['an owner: down time over scheduled time of all its cameras', [{ scheduledMs: 100, downMs: 10 }, { scheduledMs: 100, downMs: 0 }, { scheduledMs: 50, downMs: 40 }], 0.8],
    ['nothing scheduled: no figure rather than 100%', [{ scheduledMs: 0, downMs: 0 }], null],
    ['no cameras: no figure', [], null],
  ])('%s', (_what, parts, expected) => {
    expect(availabilityRatio(addAvailability(parts))).toBe(expected);
  });
});
