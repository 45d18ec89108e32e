import { EntityManager } from 'typeorm';
import { EventPublisher } from '@vigil/bus';
import { AppTimers } from '@vigil/timers';
import { recomputeClock, TicketClocks } from '../domain/sla-clock';
import { SlaContract } from '../domain/sla-contract';
import { FAULTS_SCHEMA } from '../faults.schema';
import { recordTicketChange } from '../tickets/record-ticket-change';
import { syncClockTimers } from '../tickets/sla-timers';
import { camerasOfTickets } from '../tickets/ticket-cameras';
import { clockColumns, clocksOf } from '../tickets/ticket-clocks';
import { TicketEntity } from '../tickets/ticket.entity';
import { windowsOver } from './windows-over';

/** A window's scope and target, as the tickets it covers are found by. */
export interface WindowScope {
  scope: 'camera' | 'site' | 'owner';
  target: string;
}

/**
 * Recomputes the running clocks of every open ticket a window covers, with the windows as they
 * are now (one just created or cancelled): each ticket whose deadlines moved records a
 * `deadlines-moved` change and has its timers set again, in the caller's transaction. Tickets are
 * locked in id order, as every multi-ticket change does.
 */
export async function moveDeadlines(manager: EntityManager, publisher: EventPublisher, timers: AppTimers, window: WindowScope, contract: SlaContract, actor: string, reason: string, now: Date): Promise<number> {
  const rows: { id: string }[] = await manager.query(
    `SELECT DISTINCT t."id" FROM "${FAULTS_SCHEMA}"."ticket" t
       JOIN "${FAULTS_SCHEMA}"."fault" f ON f."ticket_id" = t."id"
       JOIN "${FAULTS_SCHEMA}"."camera" c ON c."camera_id" = f."camera_id"
     WHERE t."status" NOT IN ('verified', 'merged')
       AND (($1 = 'camera' AND c."camera_id" = $2) OR ($1 = 'site' AND c."site_id" = $2) OR ($1 = 'owner' AND coalesce(t."partner_id", t."client_name") = $2))
     ORDER BY t."id"`,
    [window.scope, window.target],
  );
  let moved = 0;
  for (const { id } of rows) {
    const before = await manager.findOne(TicketEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!before) continue;
    const cameraIds = (await camerasOfTickets(manager, [id])).get(id) ?? [];
    const siteIds: string[] = (await manager.query(`SELECT DISTINCT "site_id" FROM "${FAULTS_SCHEMA}"."camera" WHERE "camera_id" = ANY($1)`, [cameraIds])).map((r: { site_id: string }) => r.site_id);
    const windows = await windowsOver(manager, { cameraIds, siteIds, owner: before.partnerId ?? before.clientName ?? '' });
    const stored = clocksOf(before);
    const clocks: TicketClocks = { response: recomputeClock(stored.response, contract.warnAtFraction, windows), fix: recomputeClock(stored.fix, contract.warnAtFraction, windows) };
    if (clocks.response.dueAt === stored.response.dueAt && clocks.fix.dueAt === stored.fix.dueAt) continue;
    await recordTicketChange(manager, publisher, {
      before,
      cameraIds,
      change: 'deadlines-moved',
      patch: clockColumns(clocks),
      actor,
      reason,
      detail: { respondBy: new Date(clocks.response.dueAt).toISOString(), fixBy: new Date(clocks.fix.dueAt).toISOString() },
      now,
    });
    await syncClockTimers(timers, id, clocks, manager);
    moved += 1;
  }
  return moved;
}
