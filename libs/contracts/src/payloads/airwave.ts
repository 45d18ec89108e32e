import { z } from 'zod';

/** A TETRA identity: an individual radio (ISSI) or a talkgroup (GSSI), both 24-bit. */
export const tetraIdentitySchema = z.object({
  kind: z.enum(['issi', 'gssi']),
  id: z.number().int().min(0).max(0xffffff),
});

/** A position the radio reported, WGS84. */
export const geoPointSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  accuracyM: z.number().nonnegative().optional(),
});

const airwaveMessageBase = z.object({
  gatewayId: z.string().min(1).max(64),
  /** The gateway's own id for the message: the de-duplication key. */
  messageId: z.string().min(1).max(128),
  occurredAt: z.iso.datetime({ offset: true }),
  callingIssi: z.number().int().min(0).max(0xffffff),
  called: tetraIdentitySchema.optional(),
  location: geoPointSchema.optional(),
});

/** A TETRA short data service text message relayed by the Airwave gateway. */
export const airwaveSdsSchema = airwaveMessageBase.extend({
  text: z.string().min(1).max(2000),
});
/** An SDS text message from the Airwave gateway. */
export type AirwaveSds = z.infer<typeof airwaveSdsSchema>;

/** A TETRA pre-coded status (16-bit); value 0 is Emergency (ETSI EN 300 392-2). */
export const airwaveStatusSchema = airwaveMessageBase.extend({
  status: z.number().int().min(0).max(0xffff),
});
/** A TETRA status message from the Airwave gateway. */
export type AirwaveStatus = z.infer<typeof airwaveStatusSchema>;

/**
 * A TETRA call set-up the gateway saw addressed to the control room: individual or group,
 * and whether the radio user pressed the emergency button (an emergency call).
 */
export const airwaveCallSchema = airwaveMessageBase.extend({
  callType: z.enum(['individual', 'group']),
  emergency: z.boolean(),
});
/** A TETRA call set-up from the Airwave gateway. */
export type AirwaveCall = z.infer<typeof airwaveCallSchema>;

/** The Airwave gateway's periodic proof of life. */
export const airwaveHeartbeatSchema = z.object({
  gatewayId: z.string().min(1).max(64),
  sentAt: z.iso.datetime({ offset: true }),
});
/** A heartbeat from the Airwave gateway. */
export type AirwaveHeartbeat = z.infer<typeof airwaveHeartbeatSchema>;

/** TETRA status value meaning Emergency. */
export const TETRA_STATUS_EMERGENCY = 0;
