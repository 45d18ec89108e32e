import type { Alert } from '../alerts/alert';
import type { NotificationLogEntry } from './notification-log-entry';

/** Why a group is sent again to a channel; each is a log field and a metric label. */
export type NotifyReason = 'first-notification' | 'new-alerts-in-group' | 'alerts-changed' | 'all-resolved' | 'newly-resolved' | 'repeat-interval-elapsed';

/** Why it is not. */
export type QuietReason = 'nothing-firing' | 'resolved-unseen' | 'already-notified';

/** The de-duplication decision for one group and one channel. */
export type DedupDecision = { notify: true; reason: NotifyReason } | { notify: false; reason: QuietReason };

/** What de-duplication needs to know of the channel and route. */
export interface DedupSettings {
  sendResolved: boolean;
  repeatIntervalMs: number;
}

/**
 * Alertmanager's needsUpdate, and one step past it: since an alert here is one real thing whose
 * labels and news change, a firing alert told at an older notice version (a new call, a breach)
 * is news too. A resolved alert is news only to a channel that was told it was firing.
 */
export function needsUpdate(entry: NotificationLogEntry | null, alerts: readonly Alert[], settings: DedupSettings, now: Date): DedupDecision {
  const firing = alerts.filter((alert) => alert.status === 'firing');
  if (!entry) return firing.length > 0 ? { notify: true, reason: 'first-notification' } : { notify: false, reason: 'nothing-firing' };
  const told = Object.keys(entry.firing);
  if (firing.some((alert) => !(alert.fingerprint in entry.firing))) return { notify: true, reason: told.length === 0 ? 'first-notification' : 'new-alerts-in-group' };
  if (firing.some((alert) => alert.noticeVersion > entry.firing[alert.fingerprint])) return { notify: true, reason: 'alerts-changed' };
  if (firing.length === 0) return told.length > 0 ? { notify: true, reason: 'all-resolved' } : { notify: false, reason: 'resolved-unseen' };
  const newlyResolved = alerts.some((alert) => alert.status === 'resolved' && alert.fingerprint in entry.firing);
  if (settings.sendResolved && newlyResolved) return { notify: true, reason: 'newly-resolved' };
  if (now.getTime() - entry.sentAt.getTime() >= settings.repeatIntervalMs) return { notify: true, reason: 'repeat-interval-elapsed' };
  return { notify: false, reason: 'already-notified' };
}
