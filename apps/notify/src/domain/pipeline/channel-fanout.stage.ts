import { channelKeyOf } from '../dedup/notification-log-entry';
import type { Stage } from './stage';

/** One notification per channel of the route's receiver: each channel is de-duplicated, retried and logged on its own. */
export function channelFanoutStage(): Stage {
  return {
    name: 'channels',
    run(notification) {
      const receiver = notification.route.receiver;
      const pass = receiver.channels.map((config, index) => ({ ...notification, channel: { key: channelKeyOf(receiver.name, config.type, index), config } }));
      return { pass, held: [] };
    },
  };
}
