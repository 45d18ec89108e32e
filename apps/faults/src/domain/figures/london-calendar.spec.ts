import { londonMidnight, londonMonths, londonQuarters, londonYearMonth } from './london-calendar';

const utc = (iso: string) => Date.parse(iso);

describe('londonMidnight', () => {
  it.each<[string, [number, number, number], string]>([
    ['winter: London is on UTC', [2026, 1, 1], '2026-01-01T00:00:00Z'],
    ['summer: midnight BST is 23:00 UTC the day before', [2026, 4, 1], '2026-03-31T23:00:00Z'],
    ['the day the clocks go forward starts on GMT', [2026, 3, 29], '2026-03-29T00:00:00Z'],
    ['the day after they go back is GMT again', [2026, 10, 26], '2026-10-26T00:00:00Z'],
    ['the day they go back starts on BST', [2026, 10, 25], '2026-10-24T23:00:00Z'],
    ['month 13 is January of the next year', [2026, 13, 1], '2027-01-01T00:00:00Z'],
  ])('%s', (_what, [year, month, day], expected) => {
    expect(new Date(londonMidnight(year, month, day)).toISOString()).toBe(new Date(expected).toISOString());
  });
});

describe('londonYearMonth', () => {
  it.each<[string, string, { year: number; month: number }]>([
    ['the last hour of March UTC is April in London (BST)', '2026-03-31T23:30:00Z', { year: 2026, month: 4 }],
    ['New Year in London is New Year UTC', '2025-12-31T23:30:00Z', { year: 2025, month: 12 }],
  ])('%s', (_what, instant, expected) => {
    expect(londonYearMonth(utc(instant))).toEqual(expected);
  });
});

describe('londonQuarters', () => {
  it.each<[string, string, string, [string, string, string][]]>([
    ['one quarter, whole', '2026-01-01T00:00:00Z', '2026-03-31T23:00:00Z', [['2026-Q1', '2026-01-01T00:00:00.000Z', '2026-03-31T23:00:00.000Z']]],
    [
      'a period across a quarter boundary touches both, the boundary at BST midnight',
      '2026-03-15T00:00:00Z',
      '2026-04-15T00:00:00Z',
      [
        ['2026-Q1', '2026-01-01T00:00:00.000Z', '2026-03-31T23:00:00.000Z'],
        ['2026-Q2', '2026-03-31T23:00:00.000Z', '2026-06-30T23:00:00.000Z'],
      ],
    ],
    [
      'Q4 runs into the new year on GMT',
      '2026-11-01T00:00:00Z',
      '2027-01-02T00:00:00Z',
      [
        ['2026-Q4', '2026-09-30T23:00:00.000Z', '2027-01-01T00:00:00.000Z'],
        ['2027-Q1', '2027-01-01T00:00:00.000Z', '2027-03-31T23:00:00.000Z'],
      ],
    ],
    ['an empty period touches nothing', '2026-05-01T00:00:00Z', '2026-05-01T00:00:00Z', []],
  ])('%s', (_what, from, to, expected) => {
    const found = londonQuarters({ start: utc(from), end: utc(to) });
    expect(found.map((q) => [q.label, new Date(q.start).toISOString(), new Date(q.end).toISOString()])).toEqual(expected);
  });
});

describe('londonMonths', () => {
  it.each<[string, string, string, string[]]>([
    ['a year is twelve months', '2026-01-01T00:00:00Z', '2026-12-31T23:59:59Z', ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']],
    ['23:30 UTC on 31 May is already June in London', '2026-05-31T23:30:00Z', '2026-06-02T00:00:00Z', ['2026-06']],
  ])('%s', (_what, from, to, labels) => {
    expect(londonMonths({ start: utc(from), end: utc(to) }).map((m) => m.label)).toEqual(labels);
  });
});
