import type { AlarmDetails } from '@vigil/contracts';
import { CorrelatingCall, correlateCall, NearbyIncident } from './correlate-call';
import { CorrelationPolicy } from './correlation-policy';
import { OpenAlarmIncident, pairRestore } from './pair-restore';

/** A call of the batch, as planning needs it: its key, its alarm if any, and how triage placed and graded it. */
export interface BatchCall {
  callKey: string;
  alarm?: AlarmDetails;
  draft: CorrelatingCall & { receivedAt: string };
}

/** An alarm restore stored earlier, still waiting for its alarm. */
export interface WaitingRestore {
  callKey: string;
  alarm: AlarmDetails;
}

/** What the database held when the batch began, read under the batch's locks. */
export interface CallBatchSnapshot {
  /** Keys of calls already taken: their calls are nothing new. */
  knownCallKeys: ReadonlySet<string>;
  /** Per call (by its index in the batch) the open incidents near it, as they are now. */
  nearby: ReadonlyMap<number, readonly NearbyIncident[]>;
  /** Per alarm account, the open incidents its alarms opened or joined, newest first. */
  openAlarmIncidents: ReadonlyMap<string, readonly OpenAlarmIncident[]>;
  /** Per alarm account, its stored restores still waiting, oldest first. */
  waitingRestores: ReadonlyMap<string, readonly WaitingRestore[]>;
}

/** A waiting restore an alarm of the batch pairs with its incident; `stored` when it was stored before this batch. */
export interface RestorePairing {
  callKey: string;
  alarm: AlarmDetails;
  incidentId: string;
  reason: string;
  stored: boolean;
}

/** What to do with one call of the batch, and why. */
export type CallDecision =
  | { kind: 'duplicate-call' }
  | { kind: 'open'; incidentId: string; reason: string; pairs: RestorePairing[] }
  | { kind: 'join'; incidentId: string; reason: string; raisesGradeTo: number | null; pairs: RestorePairing[] }
  | { kind: 'restore-attach'; incidentId: string; reason: string }
  | { kind: 'restore-wait'; reason: string };

/**
 * Decides a whole batch of calls at once, in order, as if they came one after the other: each
 * call sees the incidents the calls before it opened or joined, an alarm pairs the restores that
 * came before it (stored earlier or earlier in the batch), and a restore pairs with an alarm of
 * the batch. The database is read once for the batch (the snapshot) and written once after;
 * the decisions themselves are {@link correlateCall} and {@link pairRestore}. `newId` names the
 * incidents the batch opens.
 */
export function planCallBatch(
  calls: readonly BatchCall[],
  snapshot: CallBatchSnapshot,
  now: Date,
  policy: CorrelationPolicy,
  newId: () => string,
): CallDecision[] {
  const seen = new Set(snapshot.knownCallKeys);
  const touched = new Map<string, NearbyIncident>();
  const alarmIncidents = new Map(snapshot.openAlarmIncidents);
  const waiting = new Map([...snapshot.waitingRestores].map(([account, list]) => [account, list.map((restore) => ({ ...restore, stored: true }))]));

  const pairWaiting = (incidentId: string, alarm: NonNullable<BatchCall['alarm']>): RestorePairing[] => {
    alarmIncidents.set(alarm.account, [{ incidentId, alarm }, ...(alarmIncidents.get(alarm.account) ?? [])]);
    const pairs: RestorePairing[] = [];
    const still = (waiting.get(alarm.account) ?? []).filter((restore) => {
      const decision = pairRestore(restore.alarm, [{ incidentId, alarm }]);
      if (decision.action !== 'attach') return true;
      pairs.push({ callKey: restore.callKey, alarm: restore.alarm, incidentId, reason: decision.reason, stored: restore.stored });
      return false;
    });
    waiting.set(alarm.account, still);
    return pairs;
  };

  return calls.map((call, index): CallDecision => {
    if (seen.has(call.callKey)) return { kind: 'duplicate-call' };
    seen.add(call.callKey);
    const { alarm, draft } = call;

    if (alarm?.qualifier === 'restore') {
      const decision = pairRestore(alarm, alarmIncidents.get(alarm.account) ?? []);
      if (decision.action === 'attach') return { kind: 'restore-attach', incidentId: decision.incidentId, reason: decision.reason };
      waiting.set(alarm.account, [...(waiting.get(alarm.account) ?? []), { callKey: call.callKey, alarm, stored: false }]);
      return { kind: 'restore-wait', reason: 'waiting-for-alarm' };
    }

    const candidates = withBatchChanges(snapshot.nearby.get(index) ?? [], touched);
    const correlation = correlateCall(candidates, draft, now, policy);
    const lastCallAt = new Date(draft.receivedAt);
    const points = draft.point ? [draft.point] : [];
    let decision: CallDecision;
    if (correlation.action === 'open') {
      const incidentId = newId();
      touched.set(incidentId, { incidentId, category: draft.category, grade: draft.grade, lastCallAt, placeKeys: [...draft.placeKeys], points });
      decision = { kind: 'open', incidentId, reason: correlation.reason, pairs: [] };
    } else {
      const before = touched.get(correlation.incidentId) ?? { ...candidates.find((c) => c.incidentId === correlation.incidentId)!, placeKeys: [], points: [] };
      touched.set(correlation.incidentId, {
        ...before,
        grade: Math.min(before.grade, draft.grade),
        lastCallAt: before.lastCallAt > lastCallAt ? before.lastCallAt : lastCallAt,
        placeKeys: [...before.placeKeys, ...draft.placeKeys],
        points: [...before.points, ...points],
      });
      decision = { kind: 'join', incidentId: correlation.incidentId, reason: correlation.reason, raisesGradeTo: correlation.raisesGradeTo, pairs: [] };
    }
    if (alarm?.qualifier === 'new') decision.pairs = pairWaiting(decision.incidentId, alarm);
    return decision;
  });
}

/**
 * The incidents near a call as the batch has left them: those read from the database with what
 * earlier calls of the batch added (their places, a later last call, a higher grade), and those
 * the batch opened or joined. Correlation compares only shared keys and near points, so the
 * union of both is all it needs.
 */
function withBatchChanges(nearby: readonly NearbyIncident[], touched: ReadonlyMap<string, NearbyIncident>): NearbyIncident[] {
  const merged = new Map<string, NearbyIncident>();
  for (const incident of nearby) merged.set(incident.incidentId, incident);
  for (const [id, changed] of touched) {
    const read = merged.get(id);
    merged.set(id, read ? { ...changed, placeKeys: [...read.placeKeys, ...changed.placeKeys], points: [...read.points, ...changed.points] } : changed);
  }
  return [...merged.values()];
}
