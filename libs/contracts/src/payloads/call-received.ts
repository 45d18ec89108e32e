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
  enteredBy: z.string().optional(),
  raw: z.unknown(),
});
/** A normalised call. */
export type CallReceived = z.infer<typeof callReceivedSchema>;
