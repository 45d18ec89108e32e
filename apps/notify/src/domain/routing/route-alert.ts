import type { Alert } from '../alerts/alert';
import { labelsMatch } from './matcher';
import type { MatchedRoute, RouteNode, RoutingTree } from './routing-tree';

/**
 * The routes an alert takes, in order. Depth first: the first child that matches takes the alert,
 * unless it says `continue`, when the next siblings are tried too; a rule none of whose children
 * match takes the alert itself. The root matches everything, so every alert reaches someone.
 */
export function routeAlert(alert: Alert, tree: RoutingTree): MatchedRoute[] {
  return matchNode(tree.root, alert) ?? [tree.root.route];
}

function matchNode(node: RouteNode, alert: Alert): MatchedRoute[] | null {
  if (!labelsMatch(node.matchers, alert.labels)) return null;
  const matched: MatchedRoute[] = [];
  for (const child of node.children) {
    const routes = matchNode(child, alert);
    if (!routes) continue;
    matched.push(...routes);
    if (!child.continue) break;
  }
  return matched.length > 0 ? matched : [node.route];
}
