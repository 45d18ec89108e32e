/** A span of time, epoch milliseconds, end exclusive. */
export interface Interval {
  start: number;
  end: number;
}

/** The windows sorted and merged where they overlap or touch, empty ones dropped. */
export function mergeIntervals(windows: readonly Interval[]): Interval[] {
  const sorted = windows.filter((w) => w.end > w.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const w of sorted) {
    const last = merged[merged.length - 1];
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else merged.push({ ...w });
  }
  return merged;
}

/**
 * The instant at which `durationMs` of clock time has run since `start`, the clock stopped inside
 * every window (planned maintenance). SLA clocks run around the clock otherwise: the control room
 * and emergency attendance are 24/7.
 */
export function addClockTime(start: number, durationMs: number, windows: readonly Interval[]): number {
  let at = start;
  let left = durationMs;
  for (const w of mergeIntervals(windows)) {
    if (w.end <= at) continue;
    if (w.start > at) {
      const run = w.start - at;
      if (run >= left) return at + left;
      left -= run;
    }
    at = Math.max(at, w.end);
  }
  return at + left;
}

/** Clock time that ran between `from` and `to`, windows excluded. */
export function clockTimeBetween(from: number, to: number, windows: readonly Interval[]): number {
  if (to <= from) return 0;
  let stopped = 0;
  for (const w of mergeIntervals(windows)) stopped += Math.max(0, Math.min(w.end, to) - Math.max(w.start, from));
  return to - from - stopped;
}
