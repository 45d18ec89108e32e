import { needsUpdate } from '../dedup/needs-update';
import type { Stage } from './stage';

/** Lets a channel's notification through only when the notification log says it is news, with the reason. */
export function dedupStage(): Stage {
  return {
    name: 'dedup',
    run(notification, context) {
      const channel = notification.channel;
      if (!channel) throw new Error('dedup runs after the channel fan-out');
      const entry = context.logEntries.get(channel.key) ?? null;
      const decision = needsUpdate(entry, notification.alerts, { sendResolved: channel.config.sendResolved, repeatIntervalMs: notification.route.repeatIntervalMs }, context.now);
      if (!decision.notify) return { pass: [], held: [{ stage: 'dedup', reason: decision.reason, channel: channel.key }] };
      return { pass: [{ ...notification, reason: decision.reason }], held: [] };
    },
  };
}
