/** What the watchdog knows of its own hearing of the stream when its tick comes. */
export interface WatchdogHearing {
  /** The replay a new replica starts with has reached the present. */
  caughtUp: boolean;
  /** The last batch was full: a backlog is still being read, so the board lags the cameras. */
  behind: boolean;
  /** When the last batch arrived (wall clock), null before the first. */
  lastBatchAt: number | null;
}

/** The time the board may be judged at, or why not at all; the reason is a log field and a metric label. */
export type JudgementTime = { judge: true; at: number; reason: 'hearing' | 'stream-silent' } | { judge: false; reason: 'replaying' | 'behind' | 'nothing-heard' };

/**
 * Silence means a dead camera only while the watchdog hears the stream. During the replay a new
 * replica starts with, or while a backlog is read, the board is behind the cameras: a heartbeat
 * not yet read is not a heartbeat missed, so nothing is judged. When the whole stream falls
 * silent (every VMS at once), the likelier cause is this replica's own link to NATS, not every
 * camera dying together: time is judged only up to one heartbeat interval after the last batch,
 * so the cameras are not all declared down, and judging resumes with the next batch.
 */
export function judgementTime(hearing: WatchdogHearing, now: number, heartbeatIntervalMs: number): JudgementTime {
  if (!hearing.caughtUp) return { judge: false, reason: 'replaying' };
  if (hearing.behind) return { judge: false, reason: 'behind' };
  if (hearing.lastBatchAt === null) return { judge: false, reason: 'nothing-heard' };
  const heardUntil = hearing.lastBatchAt + heartbeatIntervalMs;
  return now <= heardUntil ? { judge: true, at: now, reason: 'hearing' } : { judge: true, at: heardUntil, reason: 'stream-silent' };
}
