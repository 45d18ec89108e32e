import { LivenessPolicy } from '@vigil/liveness';

/** Heartbeats missed before a gateway is late, and before it is treated as down. */
export const LATE_AFTER_INTERVALS = 2;
export const DOWN_AFTER_INTERVALS = 5;

/**
 * How ingest judges a source by time. Gateways by their heartbeat interval; an alarm path is late
 * once its account's test interval passes without a test report or link test, and goes no further
 * (a panel may legitimately be silent in between). No interval: not judged by time.
 */
export function supervisionPolicy(kind: string, expectedIntervalSeconds: number | null): LivenessPolicy | null {
  if (expectedIntervalSeconds === null) return null;
  if (kind === 'alarm') return { lateAfterSeconds: expectedIntervalSeconds, downAfterSeconds: null };
  return { lateAfterSeconds: expectedIntervalSeconds * LATE_AFTER_INTERVALS, downAfterSeconds: expectedIntervalSeconds * DOWN_AFTER_INTERVALS };
}
