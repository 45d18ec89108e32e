import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { TicketListQuery } from '@vigil/contracts';
import { FaultActor } from '../domain/ticket-access';
import { TicketEntity } from './ticket.entity';

/** The soonest deadline still running: what the contractor's board is sorted by. */
const NEXT_DEADLINE = `LEAST(CASE WHEN t.response_met_at IS NULL THEN t.response_due_at END, CASE WHEN t.fix_met_at IS NULL THEN t.fix_due_at END)`;

/**
 * The tickets a caller may see, filtered and paged: a partner only its own, everyone else all.
 * `board=open` is every ticket not verified (nor merged into an outage's), soonest running deadline first; otherwise newest first.
 * Undefined when the filters ask for what the caller may not see.
 */
export function listTicketsQuery(manager: EntityManager, actor: FaultActor, query: TicketListQuery): SelectQueryBuilder<TicketEntity> | undefined {
  const builder = manager.createQueryBuilder(TicketEntity, 't').limit(query.limit).offset(query.offset);
  if (actor.role === 'partner') {
    if (query.partnerId && query.partnerId !== actor.partnerId) return undefined;
    builder.andWhere('t.partnerId = :own', { own: actor.partnerId });
  }
  if (query.partnerId) builder.andWhere('t.partnerId = :partnerId', { partnerId: query.partnerId });
  if (query.siteId) builder.andWhere('t.siteId = :siteId', { siteId: query.siteId });
  if (query.status) builder.andWhere('t.status = :status', { status: query.status });
  if (query.severity) builder.andWhere('t.severity = :severity', { severity: query.severity });
  if (query.breached) builder.andWhere(`(t.responseBreached OR t.fixBreached) = :breached`, { breached: query.breached === 'true' });
  if (query.from) builder.andWhere('t.reportedAt >= :from', { from: query.from });
  if (query.to) builder.andWhere('t.reportedAt < :to', { to: query.to });
  if (query.cameraId) builder.andWhere(`t.id IN (SELECT f.ticket_id FROM faults.fault f WHERE f.camera_id = :cameraId)`, { cameraId: query.cameraId });
  if (query.board === 'open') {
    builder.andWhere(`t.status NOT IN ('verified', 'merged')`).orderBy(NEXT_DEADLINE, 'ASC', 'NULLS LAST').addOrderBy('t.reportedAt', 'ASC');
  } else {
    builder.orderBy('t.reportedAt', 'DESC');
  }
  return builder;
}
