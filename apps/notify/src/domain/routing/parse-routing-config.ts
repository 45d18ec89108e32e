import type { AlertLabelName } from '../alerts/alert';
import { checkReferences } from './check-references';
import { checkTenancy } from './check-tenancy';
import { ConfigError, schemaErrors } from './config-error';
import { RoutingConfig, routingConfigSchema, RoutingRule } from './routing-config.schema';
import type { MatchedRoute, RouteNode, RoutingTree } from './routing-tree';

/** A config accepted and compiled, or every reason it was refused. */
export type RoutingConfigResult = { ok: true; config: RoutingConfig; tree: RoutingTree } | { ok: false; errors: ConfigError[] };

/**
 * Validates a routing config (from the file or the API) and compiles its rule tree. Nothing half
 * valid is accepted: a change that fails here leaves the rules in force as they were.
 */
export function parseRoutingConfig(input: unknown): RoutingConfigResult {
  const parsed = routingConfigSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: schemaErrors(parsed.error) };
  const references = checkReferences(parsed.data);
  if (references.length > 0) return { ok: false, errors: references };
  const tenancy = checkTenancy(parsed.data);
  if (tenancy.length > 0) return { ok: false, errors: tenancy };
  return { ok: true, config: parsed.data, tree: compileTree(parsed.data) };
}

function compileTree(config: RoutingConfig): RoutingTree {
  const receivers = new Map(config.receivers.map((receiver) => [receiver.name, receiver]));
  const escalationPolicies = new Map(config.escalationPolicies.map((policy) => [policy.name, policy]));
  const rules = new Map(config.rules.map((rule) => [rule.name, rule]));
  const rootRule = rules.get(config.root) as RoutingRule;
  const inherited: Omit<MatchedRoute, 'rule' | 'path'> = {
    receiver: receivers.get(rootRule.receiver as string)!,
    groupBy: config.defaults.groupBy as MatchedRoute['groupBy'],
    groupWaitMs: config.defaults.groupWait,
    groupIntervalMs: config.defaults.groupInterval,
    repeatIntervalMs: config.defaults.repeatInterval,
    escalation: null,
  };
  const compile = (rule: RoutingRule, parent: Omit<MatchedRoute, 'rule' | 'path'>, path: readonly string[]): RouteNode => {
    const route: MatchedRoute = {
      rule: rule.name,
      path: [...path, rule.name],
      receiver: rule.receiver ? receivers.get(rule.receiver)! : parent.receiver,
      groupBy: (rule.groupBy as readonly AlertLabelName[] | undefined) ?? parent.groupBy,
      groupWaitMs: rule.groupWait ?? parent.groupWaitMs,
      groupIntervalMs: rule.groupInterval ?? parent.groupIntervalMs,
      repeatIntervalMs: rule.repeatInterval ?? parent.repeatIntervalMs,
      escalation: rule.escalation ? escalationPolicies.get(rule.escalation)! : parent.escalation,
    };
    const children = rule.routes.map((name) => compile(rules.get(name) as RoutingRule, route, route.path));
    return { matchers: rule.matchers, continue: rule.continue, route, children };
  };
  return { root: compile(rootRule, inherited, []), receivers, escalationPolicies };
}
