import { FaultFiguresQuery } from '@vigil/contracts';
import { londonMidnight } from '../domain/figures/london-calendar';
import { Interval } from '../domain/working-time';

/** A day means its midnight in London (the partnership's reports run on local time); an instant is taken as given. */
function instantOf(value: string): number {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return day ? londonMidnight(+day[1], +day[2], +day[3]) : Date.parse(value);
}

/** The period a figures query asks for, `to` exclusive. */
export function periodOf(query: FaultFiguresQuery): Interval {
  return { start: instantOf(query.from), end: instantOf(query.to) };
}

/** The part of a period that has happened: availability of the future is not yet known. */
export function pastPart(period: Interval, now: number): Interval {
  return { start: period.start, end: Math.max(period.start, Math.min(period.end, now)) };
}
