/** Rules and deliveries for the socket channel's specs, and for end-to-end specs that push to consoles. */
import type { Alert } from '../domain/alerts/alert';
import { entryAfterSend } from '../domain/dedup/notification-log-entry';
import type { PlannedDelivery } from '../domain/pipeline/planned-delivery';
import { parseRoutingConfig } from '../domain/routing/parse-routing-config';
import { RoutingInForce } from '../routing/routing-in-force';
import { anAlert } from './notify-fixtures';
import { PARTNERSHIP_ROUTING } from './routing-fixtures';

const ON_CONSOLES = ['north-herts-duty', 'contractor'];

/**
 * The partnership's rules in force, with the North Herts duty officer and the contractor also on
 * their consoles, and a Stevenage duty officer (on its console only) beside them.
 */
export function rulesWithConsoles(): RoutingInForce {
  const config = {
    ...PARTNERSHIP_ROUTING,
    receivers: [
      ...PARTNERSHIP_ROUTING.receivers.map((receiver) => (ON_CONSOLES.includes(receiver.name) ? { ...receiver, channels: [...receiver.channels, { type: 'socket' }] } : receiver)),
      { name: 'stevenage-duty', role: 'partner-duty-officer', partner: 'stevenage', channels: [{ type: 'socket' }] },
    ],
  };
  const parsed = parseRoutingConfig(config);
  if (!parsed.ok) throw new Error(`the socket fixtures' rules are refused: ${JSON.stringify(parsed.errors)}`);
  const routing = new RoutingInForce();
  routing.replace({ version: 1, submitted: config, config: parsed.config, tree: parsed.tree, changedBy: 'test', changedAt: new Date(), comment: 'socket fixtures' });
  return routing;
}

/** A first notification of one Hitchin theft to `receiver`'s console. */
export function aSocketDelivery(receiver: string, alerts: readonly Alert[] = [anAlert({ fingerprint: 'incident:5b7c0d7e', reference: 'INC-2026-000101', summary: 'Two males running out of Boots with stock' })]): PlannedDelivery {
  const groupKey = `${receiver}:{partner="north-herts"}`;
  const key = `${receiver}/socket/0`;
  return {
    groupKey,
    receiver,
    channel: { key, config: { type: 'socket', sendResolved: true } },
    reason: 'first-notification',
    alerts,
    logEntry: entryAfterSend(groupKey, key, alerts, new Date()),
  };
}
