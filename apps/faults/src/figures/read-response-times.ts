import { EntityManager } from 'typeorm';
import { ResponseTimesRow } from '@vigil/contracts';
import { FiguresScope } from '../domain/figures/figures-access';
import { meanOf, TicketDurations, ticketDurations } from '../domain/figures/response-times';
import { Interval } from '../domain/working-time';
import { ownerOf, scopeParams, ticketInScope } from './figures-scope';
import { minutesOf } from './figures-units';
import { maintenanceAfter, windowsCovering } from './maintenance-in-period';

interface TicketTimesRow {
  owner: string;
  site_id: string | null;
  reported_at: Date;
  response_met_at: Date | null;
  fix_met_at: Date | null;
  camera_ids: string[];
  site_ids: string[];
}

// One row per ticket with its cameras and their sites: the maintenance over them is matched in memory.
const TICKETS_SQL = `
  SELECT ${ownerOf('t')} AS owner, t."site_id", t."reported_at", t."response_met_at", t."fix_met_at",
         array_agg(DISTINCT f."camera_id") AS camera_ids, array_agg(DISTINCT c."site_id") AS site_ids
  FROM "faults"."ticket" t
  JOIN "faults"."fault" f ON f."ticket_id" = t."id"
  JOIN "faults"."camera" c ON c."camera_id" = f."camera_id"
  WHERE t."reported_at" >= $1 AND t."reported_at" < $2 AND ${ticketInScope('t', '$3', '$4')}
  GROUP BY t."id"`;

function rowOf(owner: string, durations: readonly TicketDurations[]): ResponseTimesRow {
  const respond = meanOf(durations.map((d) => d.respondMs));
  const repair = meanOf(durations.map((d) => d.repairMs));
  return { owner, tickets: durations.length, responded: respond.count, meanRespondMinutes: minutesOf(respond.meanMs), repaired: repair.count, meanRepairMinutes: minutesOf(repair.meanMs) };
}

/** Mean time to respond and to repair of the tickets reported in the period: all of them first, then per owner. */
export async function readResponseTimes(manager: EntityManager, period: Interval, scope: FiguresScope): Promise<ResponseTimesRow[]> {
  const tickets: TicketTimesRow[] = await manager.query(TICKETS_SQL, [new Date(period.start), new Date(period.end), ...scopeParams(scope)]);
  const windows = await maintenanceAfter(manager, period.start);
  const byOwner = new Map<string, TicketDurations[]>();
  for (const t of tickets) {
    const siteIds = t.site_id ? [...t.site_ids, t.site_id] : t.site_ids;
    const maintenance = windowsCovering(windows, { cameraIds: t.camera_ids, siteIds, owner: t.owner });
    const durations = ticketDurations({ reportedAt: t.reported_at.getTime(), respondedAt: t.response_met_at?.getTime() ?? null, fixedAt: t.fix_met_at?.getTime() ?? null }, maintenance);
    const own = byOwner.get(t.owner) ?? [];
    own.push(durations);
    byOwner.set(t.owner, own);
  }
  const owners = [...byOwner.keys()].sort();
  return [rowOf('all', [...byOwner.values()].flat()), ...owners.map((owner) => rowOf(owner, byOwner.get(owner)!))];
}
