import { Alert, AlertLabelName, labelValue } from '../alerts/alert';
import type { MatchedRoute } from '../routing/routing-tree';

/**
 * The group an alert joins on a route: the route's path and the values of its `groupBy` labels
 * (`...` alone: the alert's own fingerprint, so each alert is its own group). Stable across
 * replicas and restarts, since group state and the notification log are keyed by it.
 */
export function groupKeyOf(alert: Alert, route: MatchedRoute): string {
  return `${route.path.join('/')}:{${groupValues(alert, route.groupBy)}}`;
}

function groupValues(alert: Alert, groupBy: MatchedRoute['groupBy']): string {
  if (groupBy[0] === '...') return `fingerprint=${JSON.stringify(alert.fingerprint)}`;
  return (groupBy as readonly AlertLabelName[]).map((name) => `${name}=${JSON.stringify(labelValue(alert.labels, name))}`).join(',');
}
