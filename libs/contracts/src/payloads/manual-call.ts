import { z } from 'zod';
import { storedText } from './stored-text';

/**
 * A call an operator types in: a Police Control telephone call or the Controller's own
 * pro-active sighting. Who entered it comes from the operator's token, not from the body.
 */
export const manualCallSchema = z
  .object({
    source: z.enum(['Police Control', 'Controller']),
    text: storedText().trim().min(3, 'describe what was reported or seen (3 characters or more)').max(2000),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    town: storedText().min(1).max(100).optional(),
    cameraId: storedText().min(1).max(64).optional(),
    category: storedText().min(1).max(100).optional(),
    subcategory: storedText().min(1).max(100).optional(),
    policeReference: storedText().min(1).max(64).optional(),
    monitoringReason: storedText().trim().min(3).max(1000).optional(),
    emergency: z.boolean().default(false),
    /** The client's own id for this entry: a retried submission with the same id is one call. */
    clientReference: storedText().min(1).max(128).optional(),
  })
  .strict();
/** A manual call as submitted. */
export type ManualCall = z.infer<typeof manualCallSchema>;
