import { EntityManager } from 'typeorm';
import { EventPublisher } from '@vigil/bus';
import { insertEntitiesWrite, OutboxEntry, outboxWrite, SqlWrite, writeTogether } from '@vigil/db';
import { AppTimers } from '@vigil/timers';
import { RestorePairing } from '../domain/plan-call-batch';
import { IncidentEntity } from '../incidents/incident.entity';
import { TimelineEntryEntity } from '../incidents/timeline-entry.entity';
import { TRIAGE_SCHEMA } from '../triage.schema';
import { CallEntity } from './call.entity';
import { RESTORE_WAIT, RestoreWaitPayload, restoredEntry } from './restore-pairing';

/** What recording needs besides the transaction. */
export interface BatchRecorder {
  publisher: EventPublisher;
  timers: AppTimers;
  restoreWaitSeconds: number;
}

/** The rows a batch writes, gathered in call order and written in one statement (then its restore-wait timers). */
export class BatchWrites {
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
