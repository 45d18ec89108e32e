import type { Alert } from '../alerts/alert';

/**
 * What was last sent to one channel of a receiver for one group: kept in Postgres, so a restart or
 * another replica knows what has been told and does not tell it twice.
 */
export interface NotificationLogEntry {
  groupKey: string;
  /** The channel's key (receiver, type and position), as {@link channelKeyOf} spells it. */
  channel: string;
  /** Each firing alert sent, by fingerprint, with the notice version it was told at. */
  firing: Readonly<Record<string, number>>;
  /** Fingerprints sent as resolved. */
  resolved: readonly string[];
  sentAt: Date;
}

/** The entry to record once a notification has gone out (or, with nothing to send, been decided). */
export function entryAfterSend(groupKey: string, channel: string, alerts: readonly Alert[], now: Date): NotificationLogEntry {
  const firing = alerts.filter((alert) => alert.status === 'firing');
  return {
    groupKey,
    channel,
    firing: Object.fromEntries(firing.map((alert) => [alert.fingerprint, alert.noticeVersion])),
    resolved: alerts.filter((alert) => alert.status === 'resolved').map((alert) => alert.fingerprint),
    sentAt: now,
  };
}

/** A channel's key in the log: its receiver, type and position in the receiver's list. */
export function channelKeyOf(receiver: string, type: string, index: number): string {
  return `${receiver}/${type}/${index}`;
}
