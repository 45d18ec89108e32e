import { Interval } from '../working-time';

/** A labelled span of the calendar (`2026-Q2`, `2026-04`), epoch milliseconds, end exclusive. */
export interface CalendarBucket extends Interval {
  label: string;
}

/** The partnership reports in UK local time: a quarter starts at local midnight, which is 23:00 UTC the day before in summer. */
const ZONE = 'Europe/London';

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far London's wall clock is ahead of UTC at `instant` (0 in winter, an hour in summer). */
function londonOffsetAt(instant: number): number {
  const parts = Object.fromEntries(wallClock.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant of local midnight in London starting day `day` of `month` (1-12) of `year`; months past 12 roll into later years. */
export function londonMidnight(year: number, month: number, day = 1): number {
  const naive = Date.UTC(year, month - 1, day);
  // Clocks change at 01:00 UTC, never near midnight, so the offset an hour either side is the same.
  return naive - londonOffsetAt(naive - londonOffsetAt(naive));
}

/** London's calendar year and month (1-12) at `instant`. */
export function londonYearMonth(instant: number): { year: number; month: number } {
  const parts = Object.fromEntries(wallClock.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { year: +parts.year, month: +parts.month };
}

/** The calendar months (London) that `period` touches, in order, each whole: a report row per month. */
export function londonMonths(period: Interval): CalendarBucket[] {
  return buckets(period, 1, (year, month) => `${year}-${String(month).padStart(2, '0')}`);
}

/** The calendar quarters (London: Jan-Mar is Q1) that `period` touches, in order, each whole. */
export function londonQuarters(period: Interval): CalendarBucket[] {
  return buckets(period, 3, (year, month) => `${year}-Q${(month + 2) / 3}`);
}

function buckets(period: Interval, months: 1 | 3, label: (year: number, month: number) => string): CalendarBucket[] {
  if (period.end <= period.start) return [];
  const first = londonYearMonth(period.start);
  let year = first.year;
  let month = first.month - ((first.month - 1) % months);
  const found: CalendarBucket[] = [];
  for (let start = londonMidnight(year, month); start < period.end; ) {
    const end = londonMidnight(year, month + months);
    found.push({ label: label(year, month), start, end });
    [year, month] = month + months > 12 ? [year + 1, month + months - 12] : [year, month + months];
    start = end;
  }
  return found;
}
