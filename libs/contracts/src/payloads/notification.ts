import { z } from 'zod';

/** A partner id as one subject token: lower-case letters, digits and dashes (as in the gazetteer). */
const partnerToken = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes');

/** Audiences a notification goes to that name nobody in particular: everyone with that role. */
export const SHARED_NOTIFICATION_AUDIENCES = ['police', 'control-room', 'contractor'] as const;

/**
 * Whose consoles a notification is pushed to, and the last tokens of its subject: the police, the
 * control room (operators and their supervisor), the maintenance contractor, or one partner's duty
 * officers (`partner.<partnerId>`, so NATS permissions and consumers can filter on the partner).
 */
export const notificationAudienceSchema = z.union([
  z.enum(SHARED_NOTIFICATION_AUDIENCES),
  z.templateLiteral(['partner.', partnerToken]),
]);
/** One of the audiences of {@link notificationAudienceSchema}. */
export type NotificationAudience = z.infer<typeof notificationAudienceSchema>;

/** The audience of one partner's duty officers. */
export function partnerAudience(partnerId: string): NotificationAudience {
  return `partner.${partnerId}`;
}

/** The partner a `partner.<partnerId>` audience names, or undefined for a shared audience. */
export function partnerOfAudience(audience: NotificationAudience): string | undefined {
  return audience.startsWith('partner.') ? audience.slice('partner.'.length) : undefined;
}

/** One alert of a pushed notification, as a console shows it. */
export const pushedAlertSchema = z.object({
  /** One per real thing (incident, fault ticket, supervised source); what an acknowledgement names. */
  fingerprint: z.string().min(1),
  kind: z.enum(['incident', 'fault', 'supervision']),
  /** The incident's or ticket's reference, or the source's id: what people read out. */
  reference: z.string(),
  summary: z.string(),
  /** Firing while it needs people; resolved once it is over. */
  status: z.enum(['firing', 'resolved']),
  /** How far people have got: escalation stops at acknowledged. */
  handling: z.enum(['unacknowledged', 'acknowledged', 'in-progress', 'done']),
  /** The change that made it worth telling (`incident-opened`, `new-call`, `sla-breached`…). */
  notice: z.string(),
  /** What routing matched on (partner, town, grade, category…); a label that does not apply is absent. */
  labels: z.record(z.string().regex(/^[a-z]+$/), z.string()),
  /** A TETRA emergency keeps this however it is graded later. */
  tetraEmergency: z.boolean(),
  startsAt: z.iso.datetime({ offset: true }),
  /** When it was over; null while firing. */
  endsAt: z.iso.datetime({ offset: true }).nullable(),
  /** A signed link that acknowledges the alert; absent when resolved or notify has no public address. */
  acknowledgeUrl: z.url().optional(),
});
/** One alert of a {@link NotificationPushed}. */
export type PushedAlert = z.infer<typeof pushedAlertSchema>;

/**
 * A notification notify sends to consoles through the dashboard: one delivery of an alert group to
 * a receiver with a socket channel. The dashboard pushes it to the socket.io rooms of its audience.
 */
export const notificationPushedSchema = z.object({
  /** The same on every attempt (it is the Nats-Msg-Id), so a retried send is stored and shown once. */
  deliveryId: z.string().min(1).max(256),
  /** The receiver's name in notify's routing rules. */
  receiver: z.string().min(1),
  audience: notificationAudienceSchema,
  /** Why it went out now (`first-notification`, `alerts-changed`, `repeat-interval-elapsed`, an escalation…). */
  reason: z.string().min(1),
  alerts: z.array(pushedAlertSchema),
  sentAt: z.iso.datetime({ offset: true }),
});
/** A notification pushed to consoles. */
export type NotificationPushed = z.infer<typeof notificationPushedSchema>;
