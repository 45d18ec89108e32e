import type { Alert } from '../alerts/alert';
import type { NotifyReason } from '../dedup/needs-update';
import { entryAfterSend, NotificationLogEntry } from '../dedup/notification-log-entry';
import type { ChannelConfig } from '../routing/receiver';
import type { Notification } from './stage';

/** What a channel adapter is asked to send, and the log entry to record once it went (or needed no sending). */
export interface PlannedDelivery {
  groupKey: string;
  receiver: string;
  channel: { key: string; config: ChannelConfig };
  reason: NotifyReason;
  /** The alerts to send; empty when only resolutions are left and the channel is not told of those. */
  alerts: readonly Alert[];
  /** Recorded after success, so the next flush compares with what was really sent. */
  logEntry: NotificationLogEntry;
}

/** Turns what came out of the stages into deliveries; a channel not told of resolutions gets only the firing alerts. */
export function planDelivery(notification: Notification, now: Date): PlannedDelivery {
  const { channel, reason } = notification;
  if (!channel || !reason) throw new Error('a delivery is planned only after fan-out and de-duplication');
  const alerts = channel.config.sendResolved ? notification.alerts : notification.alerts.filter((alert) => alert.status === 'firing');
  return {
    groupKey: notification.groupKey,
    receiver: notification.route.receiver.name,
    channel,
    reason,
    alerts,
    logEntry: entryAfterSend(notification.groupKey, channel.key, notification.alerts, now),
  };
}
