import { z } from 'zod';

/** The query of GET /api/notify/silences. */
export const silenceListQuerySchema = z.strictObject({
  state: z.enum(['active', 'pending', 'expired', 'not-expired', 'all']).default('not-expired').describe('which silences: by default those not expired (active and pending)'),
});
/** A list query. */
export type SilenceListQuery = z.infer<typeof silenceListQuerySchema>;
