import { isControlRoomStaff, Principal } from '@vigil/auth';
import type { ReceiverConfig } from '../domain/routing/receiver';
import type { RouteNode, RoutingTree } from '../domain/routing/routing-tree';

/**
 * How much of the rules a principal reads. The control room (police, operators, the supervisor)
 * reads them whole: it answers for them. A partner or the contractor reads only the rules that
 * deliver to its own receiver (which the tenancy check makes pin that partner, or faults): enough
 * to check who hears of its alerts, without other partners' contacts or the police webhook.
 */
export type RoutingReadScope = { kind: 'whole' } | { kind: 'own'; receivers: string[]; rules: string[] };

/** The principal's view of a compiled config; no own rule at all is `none` (403). */
export function routingReadScope(principal: Principal, tree: RoutingTree): RoutingReadScope | { kind: 'none' } {
  if (isControlRoomStaff(principal)) return { kind: 'whole' };
  const receivers = [...tree.receivers.values()].filter((receiver) => isOwnReceiver(principal, receiver)).map((receiver) => receiver.name);
  const rules = rulesDeliveringTo(tree.root, new Set(receivers));
  return rules.length > 0 ? { kind: 'own', receivers, rules } : { kind: 'none' };
}

/** Only the control-room supervisor changes the rules: a bad edit silences the police. */
export function mayChangeRouting(principal: Principal): boolean {
  return principal.role === 'supervisor';
}

function isOwnReceiver(principal: Principal, receiver: ReceiverConfig): boolean {
  if (principal.role === 'partner') return receiver.role === 'partner-duty-officer' && receiver.partner === principal.partnerId;
  if (principal.role === 'contractor') return receiver.role === 'maintenance-contractor';
  return false;
}

/** Rules whose receiver (given or inherited) is one of `receivers`, in tree order. */
function rulesDeliveringTo(node: RouteNode, receivers: ReadonlySet<string>): string[] {
  const own = receivers.has(node.route.receiver.name) ? [node.route.rule] : [];
  return [...own, ...node.children.flatMap((child) => rulesDeliveringTo(child, receivers))];
}
