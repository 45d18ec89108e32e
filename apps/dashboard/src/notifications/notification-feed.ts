import { Inject, Injectable } from '@nestjs/common';
import { BusConnection, STREAMS } from '@vigil/bus';
import { Envelope, eventByType, NotificationPushed, notificationPushedSchema } from '@vigil/contracts';
import { DASHBOARD_OPTIONS, DashboardOptions } from '../dashboard.options';
import { StreamFeed } from '../stream-feed';

/**
 * The notification of a decoded envelope, or undefined for another type or a payload its contract
 * refuses: the audience decides whose sockets it reaches, so nothing unchecked is pushed.
 */
export function toNotification(envelope: Envelope): NotificationPushed | undefined {
  if (eventByType(envelope.type) !== 'notificationPushed') return undefined;
  const checked = notificationPushedSchema.safeParse(envelope.data);
  return checked.success ? checked.data : undefined;
}

/**
 * This replica's view of NOTIFICATIONS, from the stream's end when it starts: a notification is news
 * while it is fresh, and the tray loads nothing older. Each delivery once, even when notify sends it
 * again after the stream's duplicate window. Notify may be deployed after the dashboard, so the
 * feed starts whenever the stream appears.
 */
@Injectable()
export class NotificationFeed extends StreamFeed<NotificationPushed> {
  constructor(bus: BusConnection, @Inject(DASHBOARD_OPTIONS) options: DashboardOptions) {
    super(bus, options.replayLimit, {
      label: 'notification feed',
      stream: STREAMS.notifications.name,
      toEvent: toNotification,
      versionOf: (notification) => ({ id: `notification:${notification.deliveryId}`, version: 1 }),
      startup: 'follows-when-provisioned',
    });
  }
}
