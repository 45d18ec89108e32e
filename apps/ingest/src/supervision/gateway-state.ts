import { SourceState } from '@vigil/contracts';

/** A source's state and the reason, for the log, the metric label and the fault event. */
export interface StateVerdict {
  state: SourceState;
  reason: string;
}

/** Heartbeats missed before a gateway is late, and before it is treated as down. */
export const LATE_AFTER_INTERVALS = 2;
export const DOWN_AFTER_INTERVALS = 5;

/** A gateway's state from when it was last heard and how often it promises a heartbeat. */
export function gatewayState(lastSeen: Date | null, intervalSeconds: number, now: Date): StateVerdict {
  if (!lastSeen) return { state: 'down', reason: 'never-heard' };
  const silentSeconds = (now.getTime() - lastSeen.getTime()) / 1000;
  if (silentSeconds > intervalSeconds * DOWN_AFTER_INTERVALS) return { state: 'down', reason: `silent-over-${DOWN_AFTER_INTERVALS}-intervals` };
  if (silentSeconds > intervalSeconds * LATE_AFTER_INTERVALS) return { state: 'late', reason: `silent-over-${LATE_AFTER_INTERVALS}-intervals` };
  return { state: 'up', reason: 'heard-in-time' };
}
