import type { CameraStatus } from '@vigil/contracts';

/** The facts a camera's status follows from. */
export interface CameraStatusFacts {
  decommissioned: boolean;
  /** Faults not yet verified fixed (a fixed one still counts until the control room sees the picture). */
  unverifiedFaults: number;
  /** Inside a planned maintenance window now. */
  inMaintenance: boolean;
  /** Withdrawn from public view by the control room for another reason (privacy, a police request). */
  withdrawn: boolean;
}

/** Why the camera has its status; also the `changeReason` of its status-changed event. */
export type CameraStatusReason = 'decommissioned' | 'fault-open' | 'planned-maintenance' | 'withdrawn-from-public-view' | 'in-service';

/**
 * A camera's status, derived from its facts rather than stepped, so no order of events can leave
 * it wrong: a decommissioned camera stays so; one with an unverified fault is faulty and out of
 * public view (the code of practice: removed at once, until the fix is verified); then planned
 * maintenance; then a withdrawal; else in service.
 */
export function cameraStatusOf(facts: CameraStatusFacts): { status: CameraStatus; reason: CameraStatusReason } {
  if (facts.decommissioned) return { status: 'decommissioned', reason: 'decommissioned' };
  if (facts.unverifiedFaults > 0) return { status: 'faulty', reason: 'fault-open' };
  if (facts.inMaintenance) return { status: 'in-maintenance', reason: 'planned-maintenance' };
  if (facts.withdrawn) return { status: 'out-of-public-view', reason: 'withdrawn-from-public-view' };
  return { status: 'in-service', reason: 'in-service' };
}

/** Only a camera in service is in public view. */
export function isInPublicView(status: CameraStatus): boolean {
  return status === 'in-service';
}

/** The status change a fact change makes, or null when the status stays. */
export function cameraStatusChange(before: CameraStatusFacts, after: CameraStatusFacts): { from: CameraStatus; to: CameraStatus; reason: CameraStatusReason } | null {
  const from = cameraStatusOf(before).status;
  const next = cameraStatusOf(after);
  return from === next.status ? null : { from, to: next.status, reason: next.reason };
}
