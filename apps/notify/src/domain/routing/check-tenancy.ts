import type { AlertLabelName } from '../alerts/alert';
import type { ConfigError } from './config-error';
import type { Matcher } from './matcher';
import type { ReceiverConfig } from './receiver';
import type { RoutingConfig, RoutingRule } from './routing-config.schema';

/**
 * Who may hear what, as on the consoles: a partner's duty officer only that partner's alerts, the
 * maintenance contractor only faults. A rule (with what it inherits) and every escalation step it
 * may take must pin those labels, so no edit can send one partner's incidents to another, or an
 * incident to the contractor. Runs on a config whose references are already known to be sound.
 */
export function checkTenancy(config: RoutingConfig): ConfigError[] {
  const receivers = new Map(config.receivers.map((receiver) => [receiver.name, receiver]));
  const policies = new Map(config.escalationPolicies.map((policy) => [policy.name, policy]));
  const index = new Map(config.rules.map((rule, i) => [rule.name, i]));
  const errors: ConfigError[] = [];
  const walk = (rule: RoutingRule, inherited: { matchers: readonly Matcher[]; receiver: string; escalation?: string }): void => {
    const i = index.get(rule.name) as number;
    const scope = { matchers: [...inherited.matchers, ...rule.matchers], receiver: rule.receiver ?? inherited.receiver, escalation: rule.escalation ?? inherited.escalation };
    const refusal = refusalFor(receivers.get(scope.receiver) as ReceiverConfig, scope.matchers);
    if (refusal) errors.push({ path: `rules[${i}]${rule.receiver ? '.receiver' : ''}`, message: refusal });
    const steps = scope.escalation ? (policies.get(scope.escalation)?.steps ?? []) : [];
    for (const name of new Set(steps.flatMap((step) => step.notify))) {
      const stepRefusal = refusalFor(receivers.get(name) as ReceiverConfig, scope.matchers);
      if (stepRefusal) errors.push({ path: `rules[${i}].escalation`, message: `escalation policy "${scope.escalation}": ${stepRefusal}` });
    }
    for (const child of rule.routes) walk(config.rules[index.get(child) as number], scope);
  };
  const root = config.rules[index.get(config.root) as number];
  walk(root, { matchers: [], receiver: root.receiver as string });
  return errors;
}

function refusalFor(receiver: ReceiverConfig, matchers: readonly Matcher[]): string | null {
  if (receiver.role === 'partner-duty-officer' && !pins(matchers, 'partner', receiver.partner as string)) {
    return `"${receiver.name}" is ${receiver.partner}'s duty officer: the rule must match partner = "${receiver.partner}" (a partner hears only its own)`;
  }
  if (receiver.role === 'maintenance-contractor' && !pins(matchers, 'kind', 'fault')) {
    return `"${receiver.name}" is the maintenance contractor: the rule must match kind = "fault" (the contractor hears of faults only)`;
  }
  return null;
}

/** Whether the matchers allow no value of the label but this one. */
function pins(matchers: readonly Matcher[], label: AlertLabelName, value: string): boolean {
  return matchers.some((m) => m.label === label && (('equals' in m && m.equals === value) || ('in' in m && m.in.length > 0 && m.in.every((v) => v === value))));
}
