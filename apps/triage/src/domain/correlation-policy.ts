/** When calls join one incident: how close in time and space. */
export interface CorrelationPolicy {
  /** A call joins an incident whose last call came at most this long ago. */
  windowMinutes: number;
  /** Calls with points at most this far apart are about one place. */
  distanceMetres: number;
}

/**
 * Half an hour covers the calls a real event draws (the alarm, the member's call, the officer's
 * update) without gathering the next evening's trouble at the same pub; 100 m is a shop front and
 * the street outside it, not the next street, at the accuracy a radio reports.
 */
export const DEFAULT_CORRELATION_POLICY: CorrelationPolicy = { windowMinutes: 30, distanceMetres: 100 };
