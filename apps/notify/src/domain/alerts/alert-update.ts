import type { Alert } from './alert';

/**
 * What notify makes of an event: a newer state of the alert, whether it is worth telling people
 * (notable) and why; or nothing, because the event is older than what notify already has.
 */
export type AlertUpdate = { action: 'apply'; alert: Alert; notable: boolean; reason: string } | { action: 'ignore'; reason: 'stale-version' };

/** Drops an event whose version is not newer than the alert notify already holds (replays, redeliveries, replicas). */
export function isStale(previous: Alert | null, version: number): boolean {
  return previous !== null && version <= previous.version;
}

/** Applies a change: a notable one raises the notice version, any other keeps the last notice. */
export function applyChange(previous: Alert | null, next: Omit<Alert, 'noticeVersion' | 'notice'>, notable: boolean, reason: string): AlertUpdate {
  const notice = notable || !previous ? { noticeVersion: next.version, notice: reason } : { noticeVersion: previous.noticeVersion, notice: previous.notice };
  return { action: 'apply', alert: { ...next, ...notice }, notable, reason };
}
