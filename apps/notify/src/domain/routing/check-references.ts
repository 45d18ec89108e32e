import type { ConfigError } from './config-error';
import type { RoutingConfig } from './routing-config.schema';

/**
 * What the schema alone cannot see: duplicate names, a rule or escalation step naming a receiver,
 * policy or rule that does not exist, a root without a receiver or with matchers, a rule with two
 * parents, a cycle, and a rule no path from the root reaches.
 */
export function checkReferences(config: RoutingConfig): ConfigError[] {
  const receivers = new Set(config.receivers.map((r) => r.name));
  const policies = new Set(config.escalationPolicies.map((p) => p.name));
  const rules = new Map(config.rules.map((rule, index) => [rule.name, index]));
  const errors: ConfigError[] = [
    ...duplicates(config.receivers.map((r) => r.name), 'receivers'),
    ...duplicates(config.escalationPolicies.map((p) => p.name), 'escalationPolicies'),
    ...duplicates(config.rules.map((r) => r.name), 'rules'),
  ];
  config.escalationPolicies.forEach((policy, p) =>
    policy.steps.forEach((step, s) =>
      step.notify.forEach((name, n) => {
        if (!receivers.has(name)) errors.push({ path: `escalationPolicies[${p}].steps[${s}].notify[${n}]`, message: `unknown receiver "${name}"` });
      }),
    ),
  );
  config.rules.forEach((rule, r) => {
    if (rule.receiver !== undefined && !receivers.has(rule.receiver)) errors.push({ path: `rules[${r}].receiver`, message: `unknown receiver "${rule.receiver}"` });
    if (rule.escalation !== undefined && !policies.has(rule.escalation)) errors.push({ path: `rules[${r}].escalation`, message: `unknown escalation policy "${rule.escalation}"` });
    rule.routes.forEach((child, c) => {
      if (!rules.has(child)) errors.push({ path: `rules[${r}].routes[${c}]`, message: `unknown rule "${child}"` });
    });
  });
  const root = rules.get(config.root);
  if (root === undefined) return [...errors, { path: 'root', message: `unknown rule "${config.root}"` }];
  if (config.rules[root].receiver === undefined) errors.push({ path: `rules[${root}].receiver`, message: 'the root rule needs a receiver: every alert must reach someone' });
  if (config.rules[root].matchers.length > 0) errors.push({ path: `rules[${root}].matchers`, message: 'the root rule matches every alert and takes no matchers' });
  return [...errors, ...checkTreeShape(config, rules)];
}

function duplicates(names: readonly string[], list: string): ConfigError[] {
  return names.flatMap((name, index) => (names.indexOf(name) < index ? [{ path: `${list}[${index}].name`, message: `"${name}" is already used` }] : []));
}

function checkTreeShape(config: RoutingConfig, rules: ReadonlyMap<string, number>): ConfigError[] {
  const cycles: ConfigError[] = [];
  const reached = new Set<string>();
  const walk = (name: string, trail: readonly string[]): void => {
    const index = rules.get(name);
    if (index === undefined || reached.has(name)) return;
    reached.add(name);
    config.rules[index].routes.forEach((child, c) => {
      if ([...trail, name].includes(child)) cycles.push({ path: `rules[${index}].routes[${c}]`, message: `cycle: ${[...trail, name, child].join(' → ')}` });
      else walk(child, [...trail, name]);
    });
  };
  walk(config.root, []);
  const inCycle = new Set(cycles.map((error) => error.path));
  const parentOf = new Map<string, string>();
  const shared: ConfigError[] = [];
  config.rules.forEach((rule, r) =>
    rule.routes.forEach((child, c) => {
      const parent = parentOf.get(child);
      if (parent !== undefined && rules.has(child) && !inCycle.has(`rules[${r}].routes[${c}]`)) shared.push({ path: `rules[${r}].routes[${c}]`, message: `rule "${child}" already sits under "${parent}": a rule has one parent` });
      else parentOf.set(child, rule.name);
    }),
  );
  const unreachable = config.rules.flatMap((rule, r) => (reached.has(rule.name) ? [] : [{ path: `rules[${r}]`, message: `rule "${rule.name}" is not reachable from the root "${config.root}"` }]));
  return [...cycles, ...shared, ...unreachable];
}
