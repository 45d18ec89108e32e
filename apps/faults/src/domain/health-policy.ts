/** How the health watchdog judges a camera's signals. */
export interface HealthPolicy {
  /** How long a problem must persist before it counts: a recovery inside it opens nothing. */
  debounceMs: { 'video-loss': number; tamper: number };
  /** How often the VMS sends each camera's heartbeat. */
  heartbeatIntervalMs: number;
  /** Intervals without a heartbeat before the camera counts as down (jitter and a lost message are not a fault). */
  heartbeatGrace: number;
  /** Problem onsets within this window… */
  flapWindowMs: number;
  /** …this many or more make the camera flapping: one fault, not one per flap. */
  flapThreshold: number;
  /** Flapping ends after this long without a new onset. */
  flapQuietMs: number;
}

/**
 * Assumed defaults, to be tuned per VMS: 30 s of lost video is beyond a stream reconnect or a
 * PTZ preset tour's black frame; tamper analytics misfire on headlights and rain, so a minute;
 * three missed 30 s heartbeats; three onsets in ten minutes is a camera on the blink.
 */
export const DEFAULT_HEALTH_POLICY: HealthPolicy = {
  debounceMs: { 'video-loss': 30_000, tamper: 60_000 },
  heartbeatIntervalMs: 30_000,
  heartbeatGrace: 3,
  flapWindowMs: 600_000,
  flapThreshold: 3,
  flapQuietMs: 900_000,
};
