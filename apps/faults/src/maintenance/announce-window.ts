import { EventPublisher } from '@vigil/bus';
import { MaintenanceWindowChanged } from '@vigil/contracts';
import { OutboxEntry } from '@vigil/db';
import { MaintenanceWindowEntity } from './maintenance-window.entity';

/**
 * What a window's new version announces, for the outbox of the transaction that wrote it:
 * `maintenanceWindowChanged` (`maintenance.window.<windowId>`, MAINTENANCE_WINDOWS), the window as
 * it now stands without its author. The id is the window and version, so one change is one event
 * however often it is relayed, behind the window's earlier versions.
 */
export function windowChangedEvent(publisher: EventPublisher, window: MaintenanceWindowEntity, now: Date): OutboxEntry {
  const data: MaintenanceWindowChanged = {
    windowId: window.id,
    scope: window.scope,
    target: window.target,
    startsAt: window.startsAt.toISOString(),
    endsAt: window.endsAt.toISOString(),
    reason: window.reason,
    cancelledAt: window.cancelledAt?.toISOString() ?? null,
    version: window.version,
  };
  return {
    subject: publisher.subjectFor('maintenanceWindowChanged', data),
    envelope: publisher.envelope('maintenanceWindowChanged', data, { id: `maintenance-window:${window.id}:${window.version}`, time: now }),
    aggregate: { id: `maintenance-window:${window.id}`, version: window.version },
  };
}
