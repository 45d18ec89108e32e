import { EntityManager } from 'typeorm';
import { BreachesPerMonthRow, FaultsPerQuarterRow } from '@vigil/contracts';
import { FiguresScope } from '../domain/figures/figures-access';
import { CalendarBucket, londonMonths, londonQuarters } from '../domain/figures/london-calendar';
import { Interval } from '../domain/working-time';
import { ownerOf, scopeParams, ticketInScope } from './figures-scope';

// The calendar's boundaries come from london-calendar.ts (one definition of a London quarter);
// Postgres only counts into them, so a year of tickets is never loaded to be counted.
const BUCKETS = `unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS b("label", "starts", "ends")`;

const FAULTS_PER_QUARTER_SQL = `
  SELECT b."label" AS quarter, ${ownerOf('t')} AS owner, count(DISTINCT t."id")::int AS tickets, count(f."id")::int AS camera_faults
  FROM ${BUCKETS}
  JOIN "faults"."ticket" t ON t."reported_at" >= b."starts" AND t."reported_at" < b."ends"
  JOIN "faults"."fault" f ON f."ticket_id" = t."id"
  WHERE ${ticketInScope('t', '$4', '$5')}
  GROUP BY 1, 2 ORDER BY 1, 2`;

const BREACHES_PER_MONTH_SQL = `
  SELECT b."label" AS month, ${ownerOf('t')} AS owner,
         count(*) FILTER (WHERE e."kind" = 'response-breached')::int AS response_breaches,
         count(*) FILTER (WHERE e."kind" = 'fix-breached')::int AS fix_breaches
  FROM ${BUCKETS}
  JOIN "faults"."ticket_timeline" e ON e."at" >= b."starts" AND e."at" < b."ends" AND e."kind" IN ('response-breached', 'fix-breached')
  JOIN "faults"."ticket" t ON t."id" = e."ticket_id"
  WHERE ${ticketInScope('t', '$4', '$5')}
  GROUP BY 1, 2 ORDER BY 1, 2`;

function bucketParams(buckets: readonly CalendarBucket[]): [string[], Date[], Date[]] {
  return [buckets.map((b) => b.label), buckets.map((b) => new Date(b.start)), buckets.map((b) => new Date(b.end))];
}

/**
 * Tickets reported in each quarter the period touches (whole quarters: a quarter's figure never
 * depends on the day the report was asked from), per owner. A fault that runs into the next
 * quarter counts once, in the quarter it was reported.
 */
export async function readFaultsPerQuarter(manager: EntityManager, period: Interval, scope: FiguresScope): Promise<FaultsPerQuarterRow[]> {
  const rows: { quarter: string; owner: string; tickets: number; camera_faults: number }[] = await manager.query(FAULTS_PER_QUARTER_SQL, [
    ...bucketParams(londonQuarters(period)),
    ...scopeParams(scope),
  ]);
  return rows.map((r) => ({ quarter: r.quarter, owner: r.owner, tickets: r.tickets, cameraFaults: r.camera_faults }));
}

/** SLA breaches recorded in each whole month the period touches, per owner: every round of a reopened ticket counts. */
export async function readBreachesPerMonth(manager: EntityManager, period: Interval, scope: FiguresScope): Promise<BreachesPerMonthRow[]> {
  const rows: { month: string; owner: string; response_breaches: number; fix_breaches: number }[] = await manager.query(BREACHES_PER_MONTH_SQL, [
    ...bucketParams(londonMonths(period)),
    ...scopeParams(scope),
  ]);
  return rows.map((r) => ({ month: r.month, owner: r.owner, responseBreaches: r.response_breaches, fixBreaches: r.fix_breaches }));
}
