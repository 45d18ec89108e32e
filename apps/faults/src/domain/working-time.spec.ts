import { addClockTime, clockTimeBetween, Interval, mergeIntervals } from './working-time';

const h = 3_600_000;
const w = (start: number, end: number): Interval => ({ start: start * h, end: end * h });

describe('addClockTime', () => {
  it.each<[string, number, number, Interval[], number]>([
    ['no windows: plain addition', 0, 4, [], 4],
    ['a window after the deadline changes nothing', 0, 4, [w(5, 6)], 4],
    ['a window ending exactly at the start changes nothing', 2, 4, [w(0, 2)], 6],
    ['a window inside the clock pushes the deadline by its length', 0, 4, [w(1, 3)], 6],
    ['a clock started inside a window starts at its end', 1, 4, [w(0, 2)], 6],
    ['two windows both push', 0, 4, [w(1, 2), w(3, 5)], 7],
    ['overlapping windows count once', 0, 4, [w(1, 3), w(2, 4)], 7],
    ['a window starting exactly at the deadline changes nothing', 0, 4, [w(4, 6)], 4],
    ['windows given out of order', 0, 4, [w(3, 5), w(1, 2)], 7],
    ['an empty or backwards window is ignored', 0, 4, [w(2, 2), w(3, 1)], 4],
  ])('%s', (_what, start, hours, windows, expected) => {
    expect(addClockTime(start * h, hours * h, windows)).toBe(expected * h);
  });
});

describe('clockTimeBetween', () => {
  it.each<[string, number, number, Interval[], number]>([
    ['no windows', 0, 4, [], 4],
    ['a window inside', 0, 6, [w(1, 3)], 4],
    ['a window over the start', 1, 6, [w(0, 3)], 3],
    ['a window over the end', 0, 5, [w(4, 8)], 4],
    ['backwards is no time', 5, 1, [], 0],
  ])('%s', (_what, from, to, windows, expected) => {
    expect(clockTimeBetween(from * h, to * h, windows)).toBe(expected * h);
  });

  it('is the inverse of addClockTime', () => {
    const windows = [w(1, 2), w(2.5, 3), w(10, 30)];
    for (const hours of [0.5, 1, 2, 5, 12]) expect(clockTimeBetween(0, addClockTime(0, hours * h, windows), windows)).toBe(hours * h);
  });
});

describe('mergeIntervals', () => {
  it('merges touching and overlapping windows, sorted', () => {
    expect(mergeIntervals([w(5, 6), w(0, 1), w(1, 2), w(5.5, 7)])).toEqual([w(0, 2), w(5, 7)]);
  });
});
