import { EntityManager } from 'typeorm';
import { CallReceived } from '@vigil/contracts';
import { CallDecision } from '../domain/plan-call-batch';
import { IncidentDraft } from '../domain/triage-call';
import { changeEvent, openedEvent } from '../incidents/announce-incident';
import { IncidentEntity } from '../incidents/incident.entity';
import { nextIncidentReferences } from '../incidents/next-reference';
import { untouchedRecord } from '../incidents/untouched-record';
import { CallEntity, RestoreStatus } from './call.entity';
import { BatchRecorder, BatchWrites } from './batch-writes';
import { restoredEntry } from './restore-pairing';

/**
 * What happened to a call: a new incident, a call joined to an open one, a restore joined to its
 * alarm's incident, a restore stored to wait for its alarm, or nothing new.
 */
export type TakeCallResult =
  | { kind: 'opened'; incident: IncidentEntity; reason: string }
  | { kind: 'joined'; incident: IncidentEntity; reason: string }
  | { kind: 'restore-attached'; incidentId: string; reason: string }
  | { kind: 'restore-waiting' }
  | { kind: 'duplicate-call' };

/** A call of the batch with how triage placed and graded it, and what planning decided. */
export interface DecidedCall {
  call: CallReceived;
  draft: IncidentDraft;
  decision: CallDecision;
}

/**
 * Records a planned batch in one statement (the references it opens with, one more), in the
 * caller's transaction: new incidents, joined incidents' new state, call rows, stored restores
 * now attached, timeline entries and outbox events in call order, then restore-wait timers. Each
 * change is applied to the incident in memory as it happens, so every event carries the version
 * and state of its own change; the row is written once, as the last change left it.
 * `incidents` holds the locked open incidents the batch may join.
 */
export async function recordCallBatch(
  manager: EntityManager,
  recorder: BatchRecorder,
  batch: readonly DecidedCall[],
  incidents: Map<string, IncidentEntity>,
  now: Date,
): Promise<TakeCallResult[]> {
  const opened = batch.filter(({ decision }) => decision.kind === 'open').length;
  const references = opened === 0 ? [] : await nextIncidentReferences(manager, opened, now);
  const writes = new BatchWrites();
  const results = batch.map(({ call, draft, decision }): TakeCallResult => {
    switch (decision.kind) {
      case 'duplicate-call':
        return { kind: 'duplicate-call' };
      case 'restore-wait':
        writes.call(callRow(call, null, 'waiting'));
        writes.restoresWaiting.push(call.callKey);
        return { kind: 'restore-waiting' };
      case 'restore-attach':
        writes.call(callRow(call, decision.incidentId, 'attached'));
        writes.timeline.push(restoredEntry({ callKey: call.callKey, alarm: call.alarm! }, decision.incidentId, decision.reason, now));
        return { kind: 'restore-attached', incidentId: decision.incidentId, reason: decision.reason };
      case 'open': {
        const incident = newIncident(decision.incidentId, references.shift()!, call, draft, decision.reason, now);
        incidents.set(incident.id, incident);
        writes.opened.push(incident);
        writes.call(callRow(call, incident.id, null, draft, decision.reason));
        writes.timeline.push({ incidentId: incident.id, at: now, kind: 'opened', actor: 'triage', detail: { callKey: call.callKey, reasons: draft.reasons }, reason: decision.reason, version: 1 });
        writes.events.push(openedEvent(recorder.publisher, incident, now));
        writes.pairs(decision.pairs, now);
        return { kind: 'opened', incident: { ...incident }, reason: decision.reason };
      }
      case 'join': {
        const incident = incidents.get(decision.incidentId)!;
        addCall(incident, draft, decision.raisesGradeTo, now);
        if (!writes.opened.includes(incident)) writes.joined.add(incident);
        writes.call(callRow(call, incident.id, null, draft, decision.reason));
        writes.timeline.push({
          incidentId: incident.id,
          at: now,
          kind: 'call-joined',
          actor: 'triage',
          reason: decision.reason,
          version: incident.version,
          detail: { callKey: call.callKey, callSource: draft.callSource, summary: draft.summary, grade: draft.grade, reasons: draft.reasons },
        });
        writes.events.push(changeEvent(recorder.publisher, incident, 'call-added', { changedBy: 'triage', reason: decision.reason }, now));
        writes.pairs(decision.pairs, now);
        return { kind: 'joined', incident: { ...incident }, reason: decision.reason };
      }
    }
  });
  await writes.flush(manager, recorder, now);
  return results;
}

/** A call's row: `incidentId` null for a restore still waiting for its alarm. */
function callRow(call: CallReceived, incidentId: string | null, restoreStatus: RestoreStatus | null, draft?: IncidentDraft, correlationReason?: string): CallEntity {
  return {
    callKey: call.callKey,
    source: call.source,
    receivedAt: new Date(call.receivedAt),
    occurredAt: new Date(call.occurredAt),
    summary: call.summary,
    incidentId,
    alarm: call.alarm ?? null,
    restoreStatus,
    raw: (call.raw ?? null) as object,
    placeKeys: draft?.placeKeys ?? [],
    lat: draft?.point?.lat ?? null,
    lon: draft?.point?.lon ?? null,
    correlationReason: correlationReason ?? null,
  };
}

/** A new incident opened by a call; an operator's call brings its police reference and camera with it. */
function newIncident(id: string, reference: string, call: CallReceived, draft: IncidentDraft, correlationReason: string, now: Date): IncidentEntity {
  return {
    id,
    reference,
    category: draft.category,
    subcategory: draft.subcategory,
    partnerId: draft.partnerId,
    town: draft.town,
    callSource: draft.callSource,
    grade: draft.grade,
    summary: draft.summary,
    receivedAt: new Date(draft.receivedAt),
    triageReasons: [...draft.reasons, correlationReason],
    placement: draft.placement,
    clientName: draft.clientName,
    lastCallAt: new Date(draft.receivedAt),
    respondBy: draft.respondBy,
    ...untouchedRecord(now),
    policeReference: call.policeReference ?? null,
    cameras: call.location?.cameraId ? [call.location.cameraId] : [],
  };
}

/** One more call on an incident: its count, latest call, a new version, and the call's grade and target time when more urgent. */
function addCall(incident: IncidentEntity, draft: IncidentDraft, raisesGradeTo: number | null, now: Date): void {
  const receivedAt = new Date(draft.receivedAt);
  incident.callCount += 1;
  if (receivedAt > incident.lastCallAt) incident.lastCallAt = receivedAt;
  incident.version += 1;
  incident.updatedAt = now;
  if (raisesGradeTo !== null && raisesGradeTo < incident.grade) {
    incident.grade = raisesGradeTo;
    incident.respondBy = draft.respondBy;
  }
}
