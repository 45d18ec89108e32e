import { LivenessPolicy } from '@vigil/liveness';

/** Heartbeats missed before a gateway is late, and before it is treated as down. */
export const LATE_AFTER_INTERVALS = 2;
export const DOWN_AFTER_INTERVALS = 5;

/**
 * How ingest judges a source by time: gateways by their heartbeat interval. Alarm paths have
 * none here because the DC-09 receiver judges them by each account's test interval.
 */
export function supervisionPolicy(kind: string, expectedIntervalSeconds: number | null): LivenessPolicy | null {
  if (kind === 'alarm' || expectedIntervalSeconds === null) return null;
  return { lateAfterSeconds: expectedIntervalSeconds * LATE_AFTER_INTERVALS, downAfterSeconds: expectedIntervalSeconds * DOWN_AFTER_INTERVALS };
}
