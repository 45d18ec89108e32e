import type { Alert } from '../alerts/alert';
import type { NotificationLogEntry } from '../dedup/notification-log-entry';
import type { NotifyReason } from '../dedup/needs-update';
import type { Muter } from '../mute/muter';
import type { ChannelConfig } from '../routing/receiver';
import type { MatchedRoute } from '../routing/routing-tree';

/** A flushed group on its way to a route's receiver: what Alertmanager carries in (ctx, alerts), made explicit. */
export interface Notification {
  groupKey: string;
  route: MatchedRoute;
  alerts: readonly Alert[];
  /** Set once the receiver's channels have fanned out: the channel's log key and settings. */
  channel: { key: string; config: ChannelConfig } | null;
  /** Set once de-duplication has decided it goes: why. */
  reason: NotifyReason | null;
}

/** What the stages know besides the notification; the use case loads it before the pipeline runs. */
export interface StageContext {
  now: Date;
  muters: { maintenance: Muter; inhibition: Muter; silences: Muter };
  /** The notification log's last entry for this group, by channel key. */
  logEntries: ReadonlyMap<string, NotificationLogEntry>;
}

/** Something a stage held back, and why: a log line, a metric label, and for a silence what to release when it ends. */
export interface Held {
  stage: string;
  reason: string;
  /** The alert held back; absent when the whole notification stopped. */
  fingerprint?: string;
  channel?: string;
  /** The silence, inhibition rule or window that held it. */
  by?: string;
}

/** What a stage lets through (none, one, or one per channel) and what it held back. */
export interface StageResult {
  pass: Notification[];
  held: Held[];
}

/** One small step of the pipeline: a pure function of the notification and the context. */
export interface Stage {
  readonly name: string;
  run(notification: Notification, context: StageContext): StageResult;
}
