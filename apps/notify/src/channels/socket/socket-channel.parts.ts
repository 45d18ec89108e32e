import type { Provider } from '@nestjs/common';
import { EventPublisher, STREAMS } from '@vigil/bus';
import type { NotificationAudience } from '@vigil/contracts';
import { RoutingInForce } from '../../routing/routing-in-force';
import { audienceOfReceiver } from './audience-of-receiver';
import { NotificationPublisher, SocketChannel } from './socket.channel';

/** The channel's publisher on JetStream: a CloudEvent whose id (and Nats-Msg-Id) is the delivery id. */
export function jetStreamNotificationPublisher(publisher: EventPublisher): NotificationPublisher {
  return async (subject, data, messageId) => {
    await publisher.publishEnvelope(publisher.envelope('notificationPushed', data, { id: messageId }), subject);
  };
}

/** Each receiver's audience in the rules in force now, so an edit of a receiver's role applies to its next delivery. */
export function audienceInForce(routing: RoutingInForce): (receiver: string) => NotificationAudience | undefined {
  return (name) => {
    const receiver = routing.current()?.config.receivers.find((candidate) => candidate.name === name);
    return receiver && audienceOfReceiver(receiver);
  };
}

/**
 * The socket channel's parts of the notify module: the stream it produces (provisioned by notify,
 * as each stream is by its producer) and the channel, built on the process's EventPublisher and the
 * routing rules in force.
 */
export const SOCKET_CHANNEL = {
  streams: [STREAMS.notifications],
  providers: [
    {
      provide: SocketChannel,
      inject: [EventPublisher, RoutingInForce],
      useFactory: (publisher: EventPublisher, routing: RoutingInForce) => new SocketChannel({ publish: jetStreamNotificationPublisher(publisher), audienceOf: audienceInForce(routing) }),
    },
  ] satisfies Provider[],
};
