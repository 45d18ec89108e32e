import { EntityManager, In } from 'typeorm';
import { nearbyIncidents } from '../correlation/nearby-incidents';
import { NearbyIncident } from '../domain/correlate-call';
import { CorrelationPolicy } from '../domain/correlation-policy';
import { BatchCall, CallBatchSnapshot } from '../domain/plan-call-batch';
import { IncidentEntity } from '../incidents/incident.entity';
import { TRIAGE_SCHEMA } from '../triage.schema';
import { lockWaitingRestores, openAlarmIncidents } from './restore-pairing';

/** What a batch was planned on: the snapshot, and the incidents it may join (locked for the transaction). */
export interface CallBatchReading {
  snapshot: CallBatchSnapshot;
  incidents: Map<string, IncidentEntity>;
}

/**
 * Reads what a batch of calls is decided on, in a handful of round trips however many calls it
 * holds: the calls already taken, the open incidents near each call, and for alarms the open
 * incidents of their accounts and the restores waiting for them. Run under the batch's locks. The
 * incidents the batch may join are locked (in id order, as every replica takes them) and read as
 * they are now, so an operator's change committed meanwhile is the version the batch builds on.
 */
export async function readCallBatch(manager: EntityManager, calls: readonly BatchCall[], now: Date, policy: CorrelationPolicy): Promise<CallBatchReading> {
  const known: { call_key: string }[] = await manager.query(`SELECT "call_key" FROM "${TRIAGE_SCHEMA}"."call" WHERE "call_key" = ANY($1::text[])`, [
    calls.map((call) => call.callKey),
  ]);
  const correlating = calls.map((call) => (call.alarm?.qualifier === 'restore' ? { placeKeys: [], point: null } : call.draft));
  const matches = await nearbyIncidents(manager, correlating, now, policy);
  const ids = [...new Set(matches.map((match) => match.incidentId))];
  const locked = ids.length === 0 ? [] : await manager.find(IncidentEntity, { where: { id: In(ids) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  const incidents = new Map(locked.filter((incident) => incident.status !== 'closed' && !incident.mergedInto).map((incident) => [incident.id, incident]));

  const nearby = new Map<number, NearbyIncident[]>();
  for (const match of matches) {
    const incident = incidents.get(match.incidentId);
    if (!incident) continue;
    const near = { incidentId: incident.id, category: incident.category, grade: incident.grade, lastCallAt: incident.lastCallAt, placeKeys: match.placeKeys, points: match.points };
    nearby.set(match.callIndex, [...(nearby.get(match.callIndex) ?? []), near]);
  }

  const accounts = [...new Set(calls.flatMap((call) => (call.alarm ? [call.alarm.account] : [])))];
  const [openAlarms, waiting] = accounts.length === 0 ? [new Map(), new Map()] : [await openAlarmIncidents(manager, accounts), await lockWaitingRestores(manager, { accounts })];
  return {
    snapshot: { knownCallKeys: new Set(known.map((row) => row.call_key)), nearby, openAlarmIncidents: openAlarms, waitingRestores: waiting },
    incidents,
  };
}
