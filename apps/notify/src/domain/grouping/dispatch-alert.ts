import type { Alert } from '../alerts/alert';
import { routeAlert } from '../routing/route-alert';
import type { MatchedRoute, RoutingTree } from '../routing/routing-tree';
import { GroupTiming, JoinDecision, onAlertJoined } from './group-flush';
import { groupKeyOf } from './group-key';

/** Where an alert goes after an update: the groups it joins (each with its flush timing) and those it leaves. */
export interface Dispatch {
  joins: { groupKey: string; route: MatchedRoute; decision: JoinDecision }[];
  /** Groups it was in and no longer routes to (relocated, reclassified): it leaves them. */
  leaves: string[];
}

/**
 * The dispatcher's decision for one alert, as Alertmanager's: route it, and put it in the group of
 * each matched route. Unlike Alertmanager's, an alert keeps its identity when its labels change, so
 * it also leaves the groups it was in and no longer belongs to.
 */
export function dispatchAlert(alert: Alert, tree: RoutingTree, groups: ReadonlyMap<string, GroupTiming>, memberOf: readonly string[], now: Date): Dispatch {
  const joins = routeAlert(alert, tree).map((route) => {
    const groupKey = groupKeyOf(alert, route);
    return { groupKey, route, decision: onAlertJoined(groups.get(groupKey) ?? null, alert, route, now) };
  });
  const keys = new Set(joins.map((join) => join.groupKey));
  return { joins, leaves: memberOf.filter((key) => !keys.has(key)) };
}
