/** What the stream holds right now: its first and last sequence (first = last + 1 when empty). */
export interface StreamWindow {
  firstSeq: number;
  lastSeq: number;
}

/** Why a client must reload a snapshot instead of being replayed. */
export type SnapshotReason = 'gap-over-limit' | 'position-expired' | 'position-unknown';

/** How to bring a reconnecting client up to date: nothing, a replay of a sequence range, or a snapshot. */
export type ReplayPlan =
  | { kind: 'up-to-date' }
  | { kind: 'replay'; fromSeq: number; toSeq: number }
  | { kind: 'snapshot-required'; reason: SnapshotReason; resumeFrom: number; missed: number };

/**
 * Decides how a client that has seen the stream up to `afterSeq` catches up: replay everything it
 * missed when the stream still holds it and it is at most `limit` messages, else a snapshot from
 * the owner, then the stream from `lastSeq` on. Never a partial replay: that would be a silent gap.
 */
export function planReplay(afterSeq: number, stream: StreamWindow, limit: number): ReplayPlan {
  const missed = stream.lastSeq - afterSeq;
  const snapshot = (reason: SnapshotReason): ReplayPlan => ({ kind: 'snapshot-required', reason, resumeFrom: stream.lastSeq, missed: Math.max(missed, 0) });
  // Ahead of the stream: it was recreated or purged; the client's position means nothing here.
  if (afterSeq > stream.lastSeq) return snapshot('position-unknown');
  if (missed === 0) return { kind: 'up-to-date' };
  // Messages after afterSeq have aged out of the stream (or were deleted): only a snapshot covers them.
  if (stream.firstSeq > afterSeq + 1) return snapshot('position-expired');
  if (missed > limit) return snapshot('gap-over-limit');
  return { kind: 'replay', fromSeq: afterSeq + 1, toSeq: stream.lastSeq };
}
