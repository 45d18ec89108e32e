import { isControlRoomStaff, Principal } from '@vigil/auth';
import type { Alert, RoutingTree } from '../domain';
import { routingReadScope } from '../routing/routing-access';

/**
 * What a principal may see of an alert's notifications, and whether it may acknowledge it. The
 * control room sees and acknowledges everything; a partner its own partner's alerts, the contractor
 * fault alerts, each seeing only what went to its own receivers (not the police webhook, not
 * another partner's duty officer).
 */
export type AlertAccess = { see: false } | { see: true; acknowledge: boolean; receivers: 'all' | readonly string[] };

export function alertAccess(principal: Principal, alert: Pick<Alert, 'labels'>, tree: RoutingTree | undefined): AlertAccess {
  if (isControlRoomStaff(principal)) return { see: true, acknowledge: true, receivers: 'all' };
  const own = principal.role === 'partner' ? alert.labels.partner === principal.partnerId : principal.role === 'contractor' && alert.labels.kind === 'fault';
  if (!own) return { see: false };
  const scope = tree ? routingReadScope(principal, tree) : { kind: 'none' as const };
  return { see: true, acknowledge: true, receivers: scope.kind === 'own' ? scope.receivers : [] };
}
