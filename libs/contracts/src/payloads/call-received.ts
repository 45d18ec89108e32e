import { z } from 'zod';
import { CALL_SOURCES } from '../reference/taxonomy';
import { geoPointSchema } from './airwave';

/** Where a call says it happened, as far as its source can tell. */
export const locationHintsSchema = z.object({
  town: z.string().optional(),
  partnerId: z.string().optional(),
  cameraId: z.string().optional(),
  alarmAccount: z.string().optional(),
  radioMember: z.string().optional(),
  issi: z.number().int().optional(),
  talkgroup: z.number().int().optional(),
  point: geoPointSchema.optional(),
});

/** What an alarm panel reported, for calls from the DC-09 receiver. */
export const alarmDetailsSchema = z.object({
  account: z.string(),
  protocol: z.enum(['SIA-DCS', 'ADM-CID']),
  /** SIA two-letter code or Contact ID three-digit event code. */
  code: z.string(),
  qualifier: z.enum(['new', 'restore', 'status']),
  /** Intruder, personal-attack, fire, tamper …: what triage pairs restores on. */
  kind: z.string(),
  zone: z.string().optional(),
  zoneName: z.string().optional(),
  user: z.string().optional(),
  partition: z.string().optional(),
  site: z.string(),
  address: z.string(),
});
/** Alarm details of a call. */
export type AlarmDetails = z.infer<typeof alarmDetailsSchema>;

/** A call normalised from any source: the one shape triage consumes. */
export const callReceivedSchema = z.object({
  /** `<source kind>:<source id>:<message id>`; unique per real message, so a resend is one call. */
  callKey: z.string().min(1),
  source: z.enum(CALL_SOURCES),
  sourceMessageId: z.string().min(1),
  receivedAt: z.iso.datetime({ offset: true }),
  occurredAt: z.iso.datetime({ offset: true }),
  /** `emergency` skips every grouping wait and takes the top grade. */
  urgency: z.enum(['emergency', 'routine']),
  summary: z.string(),
  categoryHint: z.object({ category: z.string(), subcategory: z.string().optional() }).optional(),
  location: locationHintsSchema,
  /** Who typed it in, for calls entered by operators. */
  enteredBy: z.string().optional(),
  /** The police log or CAD number a Police Control call refers to. */
  policeReference: z.string().optional(),
  /** Why a person is being monitored, which the code of practice requires operators to record. */
  monitoringReason: z.string().optional(),
  alarm: alarmDetailsSchema.optional(),
  raw: z.unknown(),
});
/** A normalised call. */
export type CallReceived = z.infer<typeof callReceivedSchema>;
