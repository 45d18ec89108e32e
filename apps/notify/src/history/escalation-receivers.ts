import { dueLevel, EscalationState, levelReceivers, ReceiverRole, RoutingTree } from '../domain';

/** A receiver as the console names it: its name in the rules, who it is, and a duty officer's partner. */
export interface ReceiverView {
  name: string;
  /** null: no longer in the rules. */
  role: ReceiverRole | null;
  partner?: string;
}

/** Who an escalation told last and who its timer tells next, as far as the reader may see them. */
export interface EscalationReceivers {
  /** The receivers of the level last told; null when the policy is no longer in the rules (or no longer has that level). */
  told: ReceiverView[] | null;
  /** Who is told at `nextAt` unless someone acknowledges (acknowledged: unless work starts); null when nothing waits or the policy is gone. */
  next: { level: number; round: number; receivers: ReceiverView[] } | null;
}

/**
 * Puts names to an escalation's levels from the rules in force, with the same rule as the
 * escalation itself (dueLevel), so the console need not work out what happens next. A reader who
 * sees only its own receivers' deliveries sees only those receivers here too.
 */
export function escalationReceivers(state: EscalationState, tree: RoutingTree | undefined, visible: 'all' | readonly string[]): EscalationReceivers {
  const policy = tree?.escalationPolicies.get(state.policy);
  if (!tree || !policy) return { told: null, next: null };
  const named = (level: number): ReceiverView[] | null => {
    if (level > policy.steps.length) return null;
    return levelReceivers(state, policy, level)
      .filter((name) => visible === 'all' || visible.includes(name))
      .map((name) => {
        const receiver = tree.receivers.get(name);
        return { name, role: receiver?.role ?? null, ...(receiver?.partner !== undefined && { partner: receiver.partner }) };
      });
  };
  const due = dueLevel(state, policy);
  const nextReceivers = due && named(due.level);
  return { told: named(state.level), next: due && nextReceivers ? { ...due, receivers: nextReceivers } : null };
}
