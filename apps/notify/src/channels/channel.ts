import type { ChannelConfig, DeliveryResult, PlannedDelivery } from '../domain';

/**
 * One way of reaching a receiver (socket.io push, webhook, e-mail, SMS/pager), each in its own
 * folder behind this shape. Like an Alertmanager integration, a channel makes one attempt and says
 * how it ended: delivered, or failed and whether trying again could help (with the peer's
 * Retry-After where it gave one). It never retries on its own and never throws for a failed send:
 * `decideRetry` reads the result and the pipeline retries, or keeps a dead letter.
 */
export interface Channel<Type extends ChannelConfig['type'] = ChannelConfig['type']> {
  readonly type: Type;
  deliver(delivery: PlannedDelivery): Promise<DeliveryResult>;
}
