import type { AlertLabelName } from '../alerts/alert';
import type { Matcher } from './matcher';
import type { ReceiverConfig } from './receiver';
import type { EscalationPolicy } from './routing-config.schema';

/** What a matched rule decides for an alert, with everything it inherits filled in. */
export interface MatchedRoute {
  /** The rule's name. */
  rule: string;
  /** Names from the root to this rule, for logs and the console. */
  path: readonly string[];
  receiver: ReceiverConfig;
  /** Labels whose values split alerts into groups; `...` alone gives each alert its own group. */
  groupBy: readonly AlertLabelName[] | readonly ['...'];
  groupWaitMs: number;
  groupIntervalMs: number;
  repeatIntervalMs: number;
  escalation: EscalationPolicy | null;
}

/** A rule ready to match: its own matchers, its children, and its settings resolved. */
export interface RouteNode {
  matchers: readonly Matcher[];
  continue: boolean;
  route: MatchedRoute;
  children: readonly RouteNode[];
}

/** A validated routing config: receivers and policies by name, and the rule tree from its root. */
export interface RoutingTree {
  root: RouteNode;
  receivers: ReadonlyMap<string, ReceiverConfig>;
  escalationPolicies: ReadonlyMap<string, EscalationPolicy>;
}
