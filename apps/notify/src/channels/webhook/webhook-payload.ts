import type { Alert, PlannedDelivery } from '../../domain';

/** The JSON a webhook receiver gets; `version` changes only when a field changes meaning or goes. */
export interface WebhookPayload {
  version: '1';
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
}

/** Alertmanager's webhook body in spirit: the group, why it was sent, and its alerts. */
export function webhookPayload(delivery: PlannedDelivery): WebhookPayload {
  return {
    version: '1',
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
    })),
  };
}
