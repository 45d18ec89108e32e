import type { Alert } from '../alerts/alert';
import { escalationNoticeKey } from '../escalation/escalation-notice-key';
import type { EscalationDecision, EscalationState } from '../escalation/escalation-state';
import type { RoutingTree } from '../routing/routing-tree';
import type { Notification } from './stage';

/**
 * What an escalation step tells, as notifications for the same pipeline: one per receiver, keyed
 * by the step so a replay finds it logged, never repeated by interval (the next step is the repeat).
 * A receiver removed from the rules since is skipped rather than failing the step.
 */
export function escalationNotifications(decision: EscalationDecision & { state: EscalationState }, alert: Alert, tree: RoutingTree): Notification[] {
  const groupKey = escalationNoticeKey(decision.state, decision.reason);
  return decision.notify.flatMap((name) => {
    const receiver = tree.receivers.get(name);
    if (!receiver) return [];
    const route = {
      rule: `escalation:${decision.state.policy}`,
      path: ['escalation', decision.state.policy, `level${decision.state.level}`],
      receiver,
      groupBy: ['...'] as const,
      groupWaitMs: 0,
      groupIntervalMs: 0,
      repeatIntervalMs: Number.POSITIVE_INFINITY,
      escalation: null,
    };
    return [{ groupKey: `${groupKey}:${name}`, route, alerts: [alert], channel: null, reason: null }];
  });
}
