import type { CameraType } from '@vigil/contracts';

/** Why a camera cannot be lent: the API's 422 `reason`. */
export type LendingRefusal = 'not-redeployable' | 'camera-decommissioned' | 'camera-on-loan';

/** The camera as lending sees it, and whether a deployment still holds it. */
export interface LendableCamera {
  type: CameraType;
  decommissioned: boolean;
  heldByDeployment: boolean;
}

/** Only a redeployable camera is lent, never a decommissioned one, and to one customer at a time. */
export function decideLending(camera: LendableCamera): { ok: true } | { ok: false; reason: LendingRefusal } {
  if (camera.type !== 'redeployable-4g') return { ok: false, reason: 'not-redeployable' };
  if (camera.decommissioned) return { ok: false, reason: 'camera-decommissioned' };
  if (camera.heldByDeployment) return { ok: false, reason: 'camera-on-loan' };
  return { ok: true };
}

/** How far ahead of faults' clock a recorded time may be (a phone's clock runs fast) before it is refused. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** A check or an approval is recorded after it happened, never ahead of it: the record is evidence. */
export function isRecordedAhead(at: number, now: number): boolean {
  return at > now + CLOCK_SKEW_MS;
}
