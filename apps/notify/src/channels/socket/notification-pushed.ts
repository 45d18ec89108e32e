import type { NotificationAudience, NotificationPushed } from '@vigil/contracts';
import type { PlannedDelivery } from '../../domain';
import type { SendContext } from '../channel';

/** What a console is sent for one delivery: the group's alerts as the tray shows them, and who it is for. */
export function notificationPushed(delivery: PlannedDelivery, context: SendContext, audience: NotificationAudience, sentAt: Date): NotificationPushed {
  return {
    deliveryId: context.deliveryId,
    receiver: delivery.receiver,
    audience,
    reason: delivery.reason,
    alerts: delivery.alerts.map((alert) => ({
      fingerprint: alert.fingerprint,
      kind: alert.labels.kind,
      reference: alert.reference,
      summary: alert.summary,
      status: alert.status,
      handling: alert.handling,
      notice: alert.notice,
      labels: { ...alert.labels },
      tetraEmergency: alert.tetraEmergency,
      startsAt: alert.startsAt.toISOString(),
      endsAt: alert.endsAt?.toISOString() ?? null,
      ...(context.acknowledgeLinks[alert.fingerprint] && { acknowledgeUrl: context.acknowledgeLinks[alert.fingerprint] }),
    })),
    sentAt: sentAt.toISOString(),
  };
}
