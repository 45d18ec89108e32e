import { MaintenanceWindow } from '@vigil/contracts';
import { MaintenanceWindowEntity } from './maintenance-window.entity';

/** A stored window as the API shows it. */
export function toMaintenanceWindowView(w: MaintenanceWindowEntity): MaintenanceWindow {
  return {
    windowId: w.id,
    scope: w.scope,
    target: w.target,
    startsAt: w.startsAt.toISOString(),
    endsAt: w.endsAt.toISOString(),
    reason: w.reason,
    createdBy: w.createdBy,
    cancelledAt: w.cancelledAt?.toISOString() ?? null,
    version: w.version,
  };
}
