import { z } from 'zod';

/** The two business radio schemes a town runs. */
export const RADIO_SCHEMES = ['Town Link', 'Pub Link'] as const;

const townlinkBase = z.object({
  gatewayId: z.string().min(1).max(64),
  /** The gateway's own id for the message: the de-duplication key. */
  messageId: z.string().min(1).max(128),
  occurredAt: z.iso.datetime({ offset: true }),
});

const member = {
  scheme: z.enum(RADIO_SCHEMES),
  /** The scheme's member number (shop, pub, security firm). */
  memberId: z.string().min(1).max(64),
  business: z.string().min(1).max(200),
  town: z.string().min(1).max(100),
  radioId: z.string().min(1).max(64).optional(),
};

/** A member calling the control room on the scheme's radio, with what the gateway transcribed or the member typed. */
export const townlinkMemberCallSchema = townlinkBase.extend({ ...member, text: z.string().min(1).max(2000) });
/** A member call. */
export type TownlinkMemberCall = z.infer<typeof townlinkMemberCallSchema>;

/** A member pressing the radio's panic button: top priority, no grouping wait. */
export const townlinkPanicSchema = townlinkBase.extend({ ...member, radioId: z.string().min(1).max(64) });
/** A panic button press. */
export type TownlinkPanic = z.infer<typeof townlinkPanicSchema>;

/** A radio stunned (disabled over the air, e.g. when stolen) or re-enabled. */
export const townlinkRadioStateSchema = townlinkBase.extend({
  scheme: z.enum(RADIO_SCHEMES),
  radioId: z.string().min(1).max(64),
  memberId: z.string().min(1).max(64).optional(),
  state: z.enum(['stunned', 're-enabled']),
  by: z.string().min(1).max(100).optional(),
  reason: z.string().max(500).optional(),
});
/** A radio stun or re-enable. */
export type TownlinkRadioState = z.infer<typeof townlinkRadioStateSchema>;

/** The base station's periodic proof of life. */
export const townlinkHeartbeatSchema = z.object({
  gatewayId: z.string().min(1).max(64),
  baseStation: z.string().min(1).max(64).optional(),
  sentAt: z.iso.datetime({ offset: true }),
});
/** A base-station heartbeat. */
export type TownlinkHeartbeat = z.infer<typeof townlinkHeartbeatSchema>;
