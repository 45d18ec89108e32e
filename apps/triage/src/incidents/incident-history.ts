import { EntityManager } from 'typeorm';
import { IncidentCall, TimelineEntry } from '@vigil/contracts';
import { CallEntity } from '../calls/call.entity';
import { TimelineEntryEntity } from './timeline-entry.entity';

/** Every entry of an incident's timeline, oldest first (entries are only ever added). */
export async function readTimeline(manager: EntityManager, incidentId: string): Promise<TimelineEntry[]> {
  const entries = await manager.find(TimelineEntryEntity, { where: { incidentId }, order: { at: 'ASC', id: 'ASC' } });
  return entries.map((entry) => ({
    at: entry.at.toISOString(),
    kind: entry.kind,
    actor: entry.actor,
    reason: entry.reason ?? null,
    version: entry.version ?? null,
    detail: entry.detail,
  }));
}

/** The calls on an incident, first received first, each with why it is there. */
export async function readCalls(manager: EntityManager, incidentId: string): Promise<IncidentCall[]> {
  const calls = await manager.find(CallEntity, { where: { incidentId }, order: { receivedAt: 'ASC', callKey: 'ASC' } });
  return calls.map((call, index) => ({
    callKey: call.callKey,
    source: call.source,
    receivedAt: call.receivedAt.toISOString(),
    summary: call.summary,
    // Calls stored before correlation recorded its reasons: the first opened the incident, a restore paired with its alarm.
    reason: call.correlationReason ?? (call.restoreStatus === 'attached' ? 'alarm-restore' : index === 0 ? 'opened' : 'joined'),
  }));
}
