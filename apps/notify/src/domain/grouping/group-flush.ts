import type { Alert } from '../alerts/alert';
import { Emergency, emergencyOf } from '../alerts/emergency';
import type { MatchedRoute } from '../routing/routing-tree';

/** When a group was made, when it last went out, and when it goes out next: kept durably as a timer. */
export interface GroupTiming {
  createdAt: Date;
  lastFlushAt: Date | null;
  flushAt: Date;
}

/** When a group goes out after an alert joins it, and why. */
export type JoinDecision = { group: GroupTiming; reason: 'new-group-waits' | Emergency | 'emergency-flushes-now' | 'joins-next-flush' };

const later = (now: Date, ms: number) => new Date(now.getTime() + ms);

/**
 * A new group waits `groupWait` so that alerts about one thing go out together; an emergency's
 * group goes at once, and an emergency joining a group that is waiting brings its flush forward.
 */
export function onAlertJoined(group: GroupTiming | null, alert: Alert, route: MatchedRoute, now: Date): JoinDecision {
  const emergency = emergencyOf(alert);
  if (!group) {
    if (emergency) return { group: { createdAt: now, lastFlushAt: null, flushAt: now }, reason: emergency };
    return { group: { createdAt: now, lastFlushAt: null, flushAt: later(now, route.groupWaitMs) }, reason: 'new-group-waits' };
  }
  if (emergency && group.flushAt > now) return { group: { ...group, flushAt: now }, reason: 'emergency-flushes-now' };
  return { group, reason: 'joins-next-flush' };
}

/** Whether a group goes out now, and when it is next looked at. */
export type FlushDecision = { flush: true; reason: 'group-wait-elapsed' | 'group-interval-elapsed'; group: GroupTiming } | { flush: false; reason: 'not-due'; wakeAt: Date };

/** Flushes when due: the first time after the group wait, then every `groupInterval` (de-duplication decides whether anything is sent). */
export function decideFlush(group: GroupTiming, route: MatchedRoute, now: Date): FlushDecision {
  if (now < group.flushAt) return { flush: false, reason: 'not-due', wakeAt: group.flushAt };
  const reason = group.lastFlushAt ? 'group-interval-elapsed' : 'group-wait-elapsed';
  return { flush: true, reason, group: { ...group, lastFlushAt: now, flushAt: later(now, route.groupIntervalMs) } };
}

/** A group whose alerts are all resolved, once that has gone out, is closed: the next alert starts a new one. */
export function groupClosesAfterFlush(alerts: readonly Alert[]): { close: boolean; reason: 'all-resolved' | 'still-firing' } {
  return alerts.every((alert) => alert.status === 'resolved') ? { close: true, reason: 'all-resolved' } : { close: false, reason: 'still-firing' };
}
