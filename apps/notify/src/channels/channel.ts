import type { ChannelConfig, DeliveryResult, PlannedDelivery } from '../domain';

/**
 * What a channel is told besides the delivery: the delivery's id, the same on every attempt and on
 * every replica (receivers de-duplicate on it: a replica that dies between sending and recording
 * sends again with the same id), which attempt this is, and a signed acknowledgement link per
 * firing alert (empty when notify has no public address to link to).
 */
export interface SendContext {
  deliveryId: string;
  attempt: number;
  acknowledgeLinks: Readonly<Record<string, string>>;
}

/**
 * One way of reaching a receiver (socket.io push, webhook, e-mail, SMS/pager), each in its own
 * folder behind this shape. Like an Alertmanager integration, a channel makes one attempt and says
 * how it ended: delivered, or failed and whether trying again could help (with the peer's
 * Retry-After where it gave one). It never retries on its own and never throws for a failed send:
 * `decideRetry` reads the result and the pipeline retries, or keeps a dead letter.
 */
export interface Channel<Type extends ChannelConfig['type'] = ChannelConfig['type']> {
  readonly type: Type;
  deliver(delivery: PlannedDelivery, context: SendContext): Promise<DeliveryResult>;
}
