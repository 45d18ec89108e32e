import { EntityManager } from 'typeorm';
import { EventPublisher } from '@vigil/bus';
import { CallReceived } from '@vigil/contracts';
import { insertEntitiesWrite, OutboxEntry, outboxWrite, SqlWrite, writeTogether } from '@vigil/db';
import { AppTimers } from '@vigil/timers';
import { CallDecision, RestorePairing } from '../domain/plan-call-batch';
import { IncidentDraft } from '../domain/triage-call';
import { changeEvent, openedEvent } from '../incidents/announce-incident';
import { IncidentEntity } from '../incidents/incident.entity';
import { nextIncidentReferences } from '../incidents/next-reference';
import { TimelineEntryEntity } from '../incidents/timeline-entry.entity';
import { untouchedRecord } from '../incidents/untouched-record';
import { TRIAGE_SCHEMA } from '../triage.schema';
import { CallEntity, RestoreStatus } from './call.entity';
import { RESTORE_WAIT, RestoreWaitPayload, restoredEntry } from './restore-pairing';

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

/** What recording needs besides the transaction. */
export interface BatchRecorder {
  publisher: EventPublisher;
  timers: AppTimers;
  restoreWaitSeconds: number;
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

/** The rows a batch writes, gathered in call order and written one statement per table. */
class BatchWrites {
  readonly opened: IncidentEntity[] = [];
  readonly joined = new Set<IncidentEntity>();
  readonly calls = new Map<string, CallEntity>();
  readonly timeline: Omit<TimelineEntryEntity, 'id'>[] = [];
  readonly events: OutboxEntry[] = [];
  readonly restoresWaiting: string[] = [];
  readonly storedRestoresAttached: { callKey: string; incidentId: string }[] = [];

  call(row: CallEntity): void {
    this.calls.set(row.callKey, row);
  }

  /** Waiting restores an alarm of the batch paired: stored ones are updated, the batch's own are written attached, none waits on. */
  pairs(pairs: readonly RestorePairing[], now: Date): void {
    for (const pair of pairs) {
      if (pair.stored) this.storedRestoresAttached.push({ callKey: pair.callKey, incidentId: pair.incidentId });
      else {
        const row = this.calls.get(pair.callKey)!;
        row.incidentId = pair.incidentId;
        row.restoreStatus = 'attached';
        this.restoresWaiting.splice(this.restoresWaiting.indexOf(pair.callKey), 1);
      }
      this.timeline.push(restoredEntry(pair, pair.incidentId, pair.reason, now));
    }
  }

  async flush(manager: EntityManager, recorder: BatchRecorder, now: Date): Promise<void> {
    // One round trip for every row of the batch: the writes touch different rows, and the foreign
    // keys (a call's and a timeline entry's incident) are checked once all of them are in.
    await writeTogether(manager, [
      insertEntitiesWrite(manager, IncidentEntity, this.opened),
      updateJoined([...this.joined]),
      insertEntitiesWrite(manager, CallEntity, [...this.calls.values()]),
      attachStored(this.storedRestoresAttached),
      insertEntitiesWrite(manager, TimelineEntryEntity, this.timeline as TimelineEntryEntity[]),
      outboxWrite(TRIAGE_SCHEMA, this.events),
    ]);
    for (const { callKey } of this.storedRestoresAttached) await recorder.timers.cancel(RESTORE_WAIT, callKey, { manager });
    const dueAt = new Date(now.getTime() + recorder.restoreWaitSeconds * 1000);
    for (const callKey of this.restoresWaiting) {
      await recorder.timers.schedule(RESTORE_WAIT, callKey, dueAt, { callKey } satisfies RestoreWaitPayload, { manager });
    }
  }
}

/** Joined incidents' new state, one statement for all: they are locked, so what is in memory is what is stored plus the batch. */
function updateJoined(incidents: readonly IncidentEntity[]): SqlWrite | null {
  if (incidents.length === 0) return null;
  return {
    sql: `UPDATE "${TRIAGE_SCHEMA}"."incident" i SET "call_count" = u.call_count, "last_call_at" = u.last_call_at, "version" = u.version,
       "updated_at" = u.updated_at, "grade" = u.grade, "respond_by" = u.respond_by
     FROM unnest($1::uuid[], $2::integer[], $3::timestamptz[], $4::integer[], $5::timestamptz[], $6::smallint[], $7::timestamptz[])
       AS u(id, call_count, last_call_at, version, updated_at, grade, respond_by)
     WHERE i.id = u.id`,
    params: [
      incidents.map((incident) => incident.id),
      incidents.map((incident) => incident.callCount),
      incidents.map((incident) => incident.lastCallAt),
      incidents.map((incident) => incident.version),
      incidents.map((incident) => incident.updatedAt),
      incidents.map((incident) => incident.grade),
      incidents.map((incident) => incident.respondBy),
    ],
  };
}

/** Stored restores an alarm of the batch paired, joined to its incident. */
function attachStored(attached: readonly { callKey: string; incidentId: string }[]): SqlWrite | null {
  if (attached.length === 0) return null;
  return {
    sql: `UPDATE "${TRIAGE_SCHEMA}"."call" c SET "incident_id" = a.incident_id, "restore_status" = 'attached'
     FROM unnest($1::text[], $2::uuid[]) AS a(call_key, incident_id) WHERE c.call_key = a.call_key`,
    params: [attached.map((a) => a.callKey), attached.map((a) => a.incidentId)],
  };
}
