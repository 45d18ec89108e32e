import { z } from 'zod';

/** Who a receiver is: the people a control room has to reach, or any system behind a webhook. */
export const RECEIVER_ROLES = ['police-control-room', 'partner-duty-officer', 'control-room-supervisor', 'maintenance-contractor', 'webhook'] as const;
/** One of {@link RECEIVER_ROLES}. */
export type ReceiverRole = (typeof RECEIVER_ROLES)[number];

const name = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes');
/** Whether the channel is also told when the alert is over (Alertmanager's send_resolved). */
const sendResolved = z.boolean().default(true);

/** One way of reaching a receiver; each becomes a channel adapter that says whether its failure is worth retrying. */
export const channelSchema = z.discriminatedUnion('type', [
  /** Pushed to the receiver's console through dashboard's socket.io rooms. */
  z.strictObject({ type: z.literal('socket'), sendResolved }),
  /** A signed POST; the secret is named here and read from the environment, never stored in the rules. */
  z.strictObject({ type: z.literal('webhook'), url: z.url({ protocol: /^https?$/ }), secretRef: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'an environment variable name'), sendResolved }),
  z.strictObject({ type: z.literal('email'), to: z.array(z.email()).min(1), sendResolved }),
  /** A text or pager message through the generic SMS/pager HTTP adapter. */
  z.strictObject({ type: z.literal('sms'), to: z.array(z.string().regex(/^\+?[0-9]{6,15}$/, 'a phone or pager number')).min(1), sendResolved }),
]);
/** One channel of a receiver. */
export type ChannelConfig = z.infer<typeof channelSchema>;

/** A receiver and the channels it is reached on, in order. */
export const receiverSchema = z
  .strictObject({
    name,
    role: z.enum(RECEIVER_ROLES),
    /** The partner whose duty officer this is. */
    partner: z.string().min(1).optional(),
    channels: z.array(channelSchema).min(1),
  })
  .refine((receiver) => receiver.role !== 'partner-duty-officer' || receiver.partner !== undefined, { message: "a partner's duty officer names the partner", path: ['partner'] });
/** One receiver. */
export type ReceiverConfig = z.infer<typeof receiverSchema>;

/** Names of receivers, rules and policies. */
export const configNameSchema = name;
