import { z } from 'zod';

/** Something Vigil could not accept, kept with its raw bytes and the reason. */
export const deadLetterSchema = z.object({
  /** Which part of Vigil refused it, e.g. `ingest/airwave` or `triage/calls`. */
  rejectedBy: z.string(),
  /** Where it came from: the NATS subject, TCP peer or HTTP client. */
  origin: z.string(),
  reason: z.string(),
  /** The bytes exactly as received, base64. */
  rawBase64: z.string(),
  receivedAt: z.iso.datetime({ offset: true }),
  deliveryAttempts: z.number().int().nonnegative(),
});
/** A dead letter. */
export type DeadLetter = z.infer<typeof deadLetterSchema>;
