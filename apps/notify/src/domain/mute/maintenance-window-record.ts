import type { MaintenanceWindowChanged } from '@vigil/contracts';
import { maintenanceMatchers, MaintenanceScope } from './maintenance-scope';
import type { MaintenanceWindow } from './maintenance-window';

/** A faults window as notify keeps it: the latest version heard, and what has been done about its end. */
export interface MaintenanceWindowRecord {
  windowId: string;
  scope: MaintenanceScope;
  target: string;
  startsAt: Date;
  endsAt: Date;
  cancelledAt: Date | null;
  reason: string;
  version: number;
  /** The end whose release was done: what the window held goes out once per end. */
  releasedEndsAt: Date | null;
}

/** The window's event as a record not yet released. */
export function recordOfEvent(event: MaintenanceWindowChanged): MaintenanceWindowRecord {
  return {
    windowId: event.windowId,
    scope: event.scope,
    target: event.target,
    startsAt: new Date(event.startsAt),
    endsAt: new Date(event.endsAt),
    cancelledAt: event.cancelledAt === null ? null : new Date(event.cancelledAt),
    reason: event.reason,
    version: event.version,
    releasedEndsAt: null,
  };
}

/** When the window stops holding anything back: its end, or its cancellation when that came first. */
export function windowEnd(record: MaintenanceWindowRecord): Date {
  return record.cancelledAt && record.cancelledAt < record.endsAt ? record.cancelledAt : record.endsAt;
}

/** The window as the maintenance muter reads it: matchers on alert labels, over until its end or cancellation. */
export function windowInForce(record: MaintenanceWindowRecord): MaintenanceWindow {
  return { id: record.windowId, matchers: maintenanceMatchers(record.scope, record.target), startsAt: record.startsAt, endsAt: windowEnd(record), reason: record.reason };
}

/** What a window event does to the record notify keeps. */
export type WindowChange =
  | { action: 'save'; record: MaintenanceWindowRecord; reason: 'planned' | 'cancelled' | 'changed' | 'over-before-known' }
  | { action: 'ignore'; reason: 'stale-version' };

/**
 * A newer version replaces the record, keeping what was released; an older or the same version
 * (a replay, a redelivery) changes nothing. A window first heard of after its end (a new notify
 * reading the whole stream) never held anything back here, so it is kept as released already.
 */
export function takeWindowChange(previous: MaintenanceWindowRecord | null, event: MaintenanceWindowChanged, now: Date): WindowChange {
  if (previous && event.version <= previous.version) return { action: 'ignore', reason: 'stale-version' };
  const record = { ...recordOfEvent(event), releasedEndsAt: previous?.releasedEndsAt ?? null };
  if (!previous && windowEnd(record) <= now) return { action: 'save', record: { ...record, releasedEndsAt: windowEnd(record) }, reason: 'over-before-known' };
  if (!previous) return { action: 'save', record, reason: 'planned' };
  return { action: 'save', record, reason: record.cancelledAt && !previous.cancelledAt ? 'cancelled' : 'changed' };
}

/** What to do about a window's end, after a change or when its end timer fires. */
export type WindowEndStep =
  | { action: 'release'; reason: 'window-over' | 'cancelled' }
  | { action: 'mark-released'; reason: 'cancelled-before-start' }
  | { action: 'wait'; reason: 'not-over'; at: Date }
  | { action: 'skip'; reason: 'released' };

/**
 * Releases once per end, when the window is over or cancelled: what it held back and still fires
 * goes out now. One cancelled before it started held nothing, so nothing needs to go; one not over
 * waits for its end (a timer that fired early, a window made longer).
 */
export function windowEndStep(record: MaintenanceWindowRecord, now: Date): WindowEndStep {
  const end = windowEnd(record);
  if (record.releasedEndsAt?.getTime() === end.getTime()) return { action: 'skip', reason: 'released' };
  if (end > now) return { action: 'wait', reason: 'not-over', at: end };
  if (end <= record.startsAt) return { action: 'mark-released', reason: 'cancelled-before-start' };
  return { action: 'release', reason: end < record.endsAt ? 'cancelled' : 'window-over' };
}
