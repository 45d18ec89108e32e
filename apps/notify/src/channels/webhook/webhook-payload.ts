import type { Alert, PlannedDelivery } from '../../domain';
import type { SendContext } from '../channel';

/** The JSON a webhook receiver gets; `version` changes only when a field changes meaning or goes. */
export interface WebhookPayload {
  version: '1';
  /** The same on every attempt: a receiver that has seen it has this message already. */
  deliveryId: string;
  receiver: string;
  groupKey: string;
  /** Firing while any alert in the group is. */
  status: 'firing' | 'resolved';
  /** Why this went out now (`first-notification`, `alerts-changed`, `repeat-interval-elapsed`…). */
  reason: string;
  alerts: WebhookAlert[];
}

/** One alert as a receiver reads it. */
export interface WebhookAlert {
  fingerprint: string;
  status: Alert['status'];
  handling: Alert['handling'];
  labels: Alert['labels'];
  reference: string;
  summary: string;
  notice: string;
  tetraEmergency: boolean;
  startsAt: string;
  endsAt: string | null;
  /** A signed link that acknowledges the alert (stops its escalation); absent when resolved or notify has no public address. */
  acknowledgeUrl?: string;
}

/** Alertmanager's webhook body in spirit: the group, why it was sent, and its alerts. */
export function webhookPayload(delivery: PlannedDelivery, context: SendContext): WebhookPayload {
  return {
    version: '1',
    deliveryId: context.deliveryId,
    receiver: delivery.receiver,
    groupKey: delivery.groupKey,
    status: delivery.alerts.some((alert) => alert.status === 'firing') ? 'firing' : 'resolved',
    reason: delivery.reason,
    alerts: delivery.alerts.map((alert) => ({
      fingerprint: alert.fingerprint,
      status: alert.status,
      handling: alert.handling,
      labels: alert.labels,
      reference: alert.reference,
      summary: alert.summary,
      notice: alert.notice,
      tetraEmergency: alert.tetraEmergency,
      startsAt: alert.startsAt.toISOString(),
      endsAt: alert.endsAt?.toISOString() ?? null,
      ...(context.acknowledgeLinks[alert.fingerprint] && { acknowledgeUrl: context.acknowledgeLinks[alert.fingerprint] }),
    })),
  };
}
