import type { CameraStatus } from '@vigil/contracts';

/** What a camera's change means for the incidents it is on, and why. */
export type RecordingGapDecision =
  | { action: 'start'; reason: 'camera-went-down' }
  | { action: 'end'; reason: 'camera-came-back' }
  | { action: 'none'; reason: 'repeat' | 'stale' | 'recording-unchanged' };

/** A camera change as the decision needs it. */
export interface CameraChangeFacts {
  version: number;
  status: CameraStatus;
  previousStatus: CameraStatus | null;
}

/**
 * A camera is down while it is faulty: faults derives that status from an open fault (until the
 * fix is verified), so it is the one fact to follow rather than the tickets. A repeat or an
 * overtaken version changes nothing; a camera that became faulty starts a gap on the incidents it
 * is on, one that stopped being faulty ends theirs.
 */
export function decideRecordingGap(knownVersion: number | undefined, change: CameraChangeFacts): RecordingGapDecision {
  if (knownVersion !== undefined && change.version === knownVersion) return { action: 'none', reason: 'repeat' };
  if (knownVersion !== undefined && change.version < knownVersion) return { action: 'none', reason: 'stale' };
  const wasDown = change.previousStatus === 'faulty';
  const isDown = change.status === 'faulty';
  if (isDown && !wasDown) return { action: 'start', reason: 'camera-went-down' };
  if (wasDown && !isDown) return { action: 'end', reason: 'camera-came-back' };
  return { action: 'none', reason: 'recording-unchanged' };
}
