import type { Matcher, RoutingConfig } from './notify-types';

/** A setting as a rule applies it: its own, or inherited from the parent (or the defaults). */
export interface Setting {
  value: string;
  inherited: boolean;
}

/** One rule of the tree as it applies: matchers, and every setting after inheritance. */
export interface RuleOutline {
  name: string;
  matchers: Matcher[];
  receiver: Setting | null;
  groupWait: Setting | null;
  groupBy: Setting | null;
  repeatInterval: Setting | null;
  escalation: Setting | null;
  continue: boolean;
  children: RuleOutline[];
}

// `groupBy: ['...']` is Alertmanager's spelling of "every alert its own group".
const text = (value: unknown) => (value === undefined ? undefined : Array.isArray(value) ? (value.length === 1 && value[0] === '...' ? 'each alert alone' : value.join(', ')) : String(value));
const own = (value: unknown): Setting | null => (value === undefined ? null : { value: text(value)!, inherited: false });
const inherit = (value: unknown, parent: Setting | null): Setting | null => own(value) ?? (parent && { value: parent.value, inherited: true });

/**
 * The rule tree from `root`, each rule with what it inherits spelled out, so the operator reads
 * who hears what without following names. A name that loops or names no rule is left out: notify
 * refuses such a config, so only an old stored version could show one.
 */
export function routingOutline(config: RoutingConfig): RuleOutline | null {
  const rules = new Map((config.rules ?? []).map((rule) => [rule.name, rule]));
  const defaults = config.defaults ?? {};
  const top = {
    receiver: null,
    groupWait: { value: text(defaults.groupWait) ?? '30s', inherited: true },
    groupBy: { value: text(defaults.groupBy) ?? 'kind, partner', inherited: true },
    repeatInterval: { value: text(defaults.repeatInterval) ?? '4h', inherited: true },
    escalation: null,
  };
  const build = (name: string, parent: Pick<RuleOutline, 'receiver' | 'groupWait' | 'groupBy' | 'repeatInterval' | 'escalation'>, seen: Set<string>): RuleOutline | null => {
    const rule = rules.get(name);
    if (!rule || seen.has(name)) return null;
    const outline: RuleOutline = {
      name,
      matchers: rule.matchers ?? [],
      receiver: inherit(rule.receiver, parent.receiver),
      groupWait: inherit(rule.groupWait, parent.groupWait),
      groupBy: inherit(rule.groupBy, parent.groupBy),
      repeatInterval: inherit(rule.repeatInterval, parent.repeatInterval),
      escalation: inherit(rule.escalation, parent.escalation),
      continue: rule.continue ?? false,
      children: [],
    };
    const path = new Set(seen).add(name);
    outline.children = (rule.routes ?? []).map((child) => build(child, outline, path)).filter((c): c is RuleOutline => c !== null);
    return outline;
  };
  return config.root ? build(config.root, top, new Set()) : null;
}

/** A refused path with the rule it is in named, `rules[2].receiver (rule faults)`: the supervisor counts no array. */
export function namedPath(path: string, config: RoutingConfig): string {
  const rule = /^rules\[(\d+)\]/.exec(path);
  const name = rule ? config.rules?.[Number(rule[1])]?.name : undefined;
  return `${path || '(top)'}${name ? ` (rule ${name})` : ''}`;
}
