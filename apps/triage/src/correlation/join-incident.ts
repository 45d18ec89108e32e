import { EntityManager } from 'typeorm';
import { EventPublisher } from '@vigil/bus';
import { IncidentDraft } from '../domain/triage-call';
import { IncidentEntity } from '../incidents/incident.entity';
import { announceChange } from '../incidents/announce-incident';
import { TimelineEntryEntity } from '../incidents/timeline-entry.entity';
import { TRIAGE_SCHEMA } from '../triage.schema';

/** A call joining an open incident, as correlation decided it. */
export interface JoinedCall {
  incidentId: string;
  callKey: string;
  draft: IncidentDraft;
  reason: string;
  /** The call's grade when it is more urgent than the incident's, else null. */
  raisesGradeTo: number | null;
}

/**
 * Adds a call to an open incident: one more call, the latest call time, a new version (and the
 * call's grade and target time when it is more urgent), a `call-joined` timeline entry and an
 * `incident.<owner>.call-added` event in the outbox, all in the caller's transaction. The call
 * row itself is the caller's.
 */
export async function joinIncident(manager: EntityManager, publisher: EventPublisher, joined: JoinedCall, now: Date): Promise<IncidentEntity> {
  const { draft } = joined;
  await manager.query(
    `UPDATE "${TRIAGE_SCHEMA}"."incident" SET
       "call_count" = "call_count" + 1,
       "last_call_at" = GREATEST("last_call_at", $2),
       "version" = "version" + 1,
       "updated_at" = $3,
       "respond_by" = CASE WHEN $4::smallint < "grade" THEN $5 ELSE "respond_by" END,
       "grade" = LEAST("grade", $4::smallint)
     WHERE "id" = $1`,
    [joined.incidentId, new Date(draft.receivedAt), now, joined.raisesGradeTo ?? 32767, draft.respondBy],
  );
  const incident = await manager.findOneByOrFail(IncidentEntity, { id: joined.incidentId });
  await manager.insert(TimelineEntryEntity, {
    incidentId: incident.id,
    at: now,
    kind: 'call-joined',
    actor: 'triage',
    reason: joined.reason,
    version: incident.version,
    detail: { callKey: joined.callKey, callSource: draft.callSource, summary: draft.summary, grade: draft.grade, reasons: draft.reasons },
  });
  await announceChange(manager, publisher, incident, 'call-added', { changedBy: 'triage', reason: joined.reason }, now);
  return incident;
}
