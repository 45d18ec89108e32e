import { AlarmDetails } from '@vigil/contracts';

/** An open incident opened by an alarm, as far as pairing needs to know it. */
export interface OpenAlarmIncident {
  incidentId: string;
  alarm: Pick<AlarmDetails, 'account' | 'kind' | 'zone'>;
}

/** Alarms a person raised: only an operator, never a restore, may decide that person is safe. */
const PERSON_PRESSED = ['personal-attack', 'hold-up'];

/** What to do with an alarm restore, and why. */
export type RestoreDecision =
  | { action: 'attach'; incidentId: string; reason: string }
  | { action: 'record-alone'; reason: string };

/**
 * Pairs a restore with the open incident its alarm opened (same account, kind and zone; the
 * newest if several), so one real event stays one incident. Nothing closes on a restore: a
 * personal-attack alarm above all, since a person pressed it and only an operator may decide they are safe.
 */
export function pairRestore(restore: Pick<AlarmDetails, 'account' | 'kind' | 'zone'>, open: readonly OpenAlarmIncident[]): RestoreDecision {
  const match = open.find(
    (incident) => incident.alarm.account === restore.account && incident.alarm.kind === restore.kind && (incident.alarm.zone ?? null) === (restore.zone ?? null),
  );
  if (!match) return { action: 'record-alone', reason: 'no-open-alarm' };
  // Either way the incident stays open: a restore says the sensor is quiet, not that all is well.
  if (PERSON_PRESSED.includes(restore.kind)) return { action: 'attach', incidentId: match.incidentId, reason: `${restore.kind}-stays-open` };
  return { action: 'attach', incidentId: match.incidentId, reason: 'restored' };
}
