import type { MatchedRoute, RouteNode, RoutingTree } from '../domain';

/**
 * The route a group goes out on: the rule of the same path in the rules in force, so an edit (a
 * receiver's new channel, a longer interval) applies to groups already waiting; the route the group
 * was made with when that rule has since gone, so what was waiting is still told.
 */
export function routeInForce(tree: RoutingTree | undefined, stored: MatchedRoute): MatchedRoute {
  if (!tree) return stored;
  let node: RouteNode | undefined = tree.root;
  if (node.route.rule !== stored.path[0]) return stored;
  for (const name of stored.path.slice(1)) {
    node = node.children.find((child: RouteNode) => child.route.rule === name);
    if (!node) return stored;
  }
  return node.route;
}
