import { clockTimeBetween, Interval, mergeIntervals } from '../working-time';

/** Time a camera (or an owner's cameras together) was meant to be working, and the part of it lost to faults. */
export interface Availability {
  /** The period less planned maintenance. */
  scheduledMs: number;
  /** Time down to a fault inside the scheduled time: overlapping faults count once, maintenance not at all. */
  downMs: number;
}

/**
 * A camera's availability over `period` (already cut at now). A fault is down time from when it
 * opened until its fix was verified (the camera is out of public view all that time); a planned
 * maintenance window is neither down nor scheduled time, so a contractor doing planned work is
 * not counted against the camera.
 */
export function cameraAvailability(period: Interval, down: readonly Interval[], maintenance: readonly Interval[]): Availability {
  if (period.end <= period.start) return { scheduledMs: 0, downMs: 0 };
  const clipped = down.map((d) => ({ start: Math.max(d.start, period.start), end: Math.min(d.end, period.end) }));
  const downMs = mergeIntervals(clipped).reduce((sum, d) => sum + clockTimeBetween(d.start, d.end, maintenance), 0);
  return { scheduledMs: clockTimeBetween(period.start, period.end, maintenance), downMs };
}

/** Several cameras' availability as one (an owner's): scheduled and down time added, so a camera counts by the time it was due. */
export function addAvailability(parts: readonly Availability[]): Availability {
  return parts.reduce((sum, part) => ({ scheduledMs: sum.scheduledMs + part.scheduledMs, downMs: sum.downMs + part.downMs }), { scheduledMs: 0, downMs: 0 });
}

/** The share of scheduled time up (0..1), null when no time was scheduled (a period all maintenance). */
export function availabilityRatio(availability: Availability): number | null {
  if (availability.scheduledMs === 0) return null;
  return (availability.scheduledMs - availability.downMs) / availability.scheduledMs;
}
