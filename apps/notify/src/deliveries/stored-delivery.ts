import type { PlannedDelivery } from '../domain';
import { readAlert, StoredAlert, storeAlert } from '../alerts/stored-alert';

/** A planned delivery as kept in `notify.delivery.planned` (jsonb), so any replica can send it after a restart. */
export type StoredPlannedDelivery = Omit<PlannedDelivery, 'alerts' | 'logEntry'> & { alerts: StoredAlert[] };

export function storePlanned(delivery: PlannedDelivery): StoredPlannedDelivery {
  const { logEntry: _logEntry, ...rest } = delivery;
  return { ...rest, alerts: delivery.alerts.map(storeAlert) };
}

/** The log entry is not needed to send: it was recorded when the delivery was planned. */
export function readPlanned(stored: StoredPlannedDelivery, plannedAt: Date): PlannedDelivery {
  const alerts = stored.alerts.map(readAlert);
  return { ...stored, alerts, logEntry: { groupKey: stored.groupKey, channel: stored.channel.key, firing: {}, resolved: [], sentAt: plannedAt } };
}
