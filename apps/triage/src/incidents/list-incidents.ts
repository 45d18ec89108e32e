import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { IncidentListQuery } from '@vigil/contracts';
import { IncidentActor } from '../lifecycle/domain/incident-access';
import { TRIAGE_SCHEMA } from '../triage.schema';
import { IncidentEntity } from './incident.entity';

/** `q` is searched as text, not as a LIKE pattern. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The incidents a caller may see that match the query (filters combine with AND), a page at a
 * time. `board=open` is the control room's board: everything not closed, most urgent grade first,
 * then longest waiting (first call received earliest). Otherwise newest opened first, which is
 * what a dashboard pages through for its snapshot. `from`/`to` bound when the first call came in.
 */
export function listIncidentsQuery(manager: EntityManager, actor: IncidentActor, query: IncidentListQuery): SelectQueryBuilder<IncidentEntity> | undefined {
  const q = manager.getRepository(IncidentEntity).createQueryBuilder('i');
  switch (actor.role) {
    case 'contractor':
      return undefined;
    case 'partner':
      // The same rule as canActorSee: never a client's incident nor an unplaced one.
      if (!actor.partnerId) return undefined;
      q.andWhere(`i.placement = 'partner'`).andWhere('i.partner_id = :ownPartner', { ownPartner: actor.partnerId });
      break;
    case 'operator':
    case 'supervisor':
    case 'police':
      break;
  }
  if (query.partnerId) q.andWhere('i.partner_id = :partnerId', { partnerId: query.partnerId });
  if (query.town) q.andWhere('i.town = :town', { town: query.town });
  if (query.category) q.andWhere('i.category = :category', { category: query.category });
  if (query.grade) q.andWhere('i.grade = :grade', { grade: query.grade });
  if (query.source) q.andWhere('i.call_source = :source', { source: query.source });
  if (query.status) q.andWhere('i.status = :status', { status: query.status });
  if (query.placement) q.andWhere('i.placement = :placement', { placement: query.placement });
  if (query.from) q.andWhere('i.received_at >= :from', { from: query.from });
  if (query.to) q.andWhere('i.received_at < :to', { to: query.to });
  if (query.q) {
    // One id list from each trigram index (see the search-trigram-indexes migration), then the
    // other filters: ORed with a note subquery, the planner would filter every incident instead.
    q.andWhere(
      `i.id IN (
        SELECT s.id FROM "${TRIAGE_SCHEMA}"."incident" s WHERE s.reference ILIKE :q OR s.summary ILIKE :q
        UNION
        SELECT n.incident_id FROM "${TRIAGE_SCHEMA}"."timeline_entry" n WHERE n.kind = 'noted' AND n.detail->>'text' ILIKE :q)`,
      { q: likePattern(query.q) },
    );
  }
  if (query.board === 'open') {
    q.andWhere(`i.status <> 'closed'`).orderBy('i.grade', 'ASC').addOrderBy('i.received_at', 'ASC').addOrderBy('i.id', 'ASC');
  } else {
    q.orderBy('i.opened_at', 'DESC').addOrderBy('i.id', 'DESC');
  }
  return q.offset(query.offset).limit(query.limit);
}
