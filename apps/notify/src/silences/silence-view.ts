import { z } from 'zod';
import { matcherSchema } from '../domain/routing/matcher';
import { recordState } from '../domain/mute/silence-timer-step';
import type { StoredSilence } from './silence-store';

/** A silence as the API shows it, with its state at the time of the answer. */
export const silenceViewSchema = z.object({
  id: z.string().uuid(),
  state: z.enum(['pending', 'active', 'expired']).describe('at the time of the answer; one expired by hand is expired at once'),
  matchers: z.array(matcherSchema),
  startsAt: z.string().describe('ISO 8601'),
  endsAt: z.string().describe('ISO 8601; moved to the time it was expired by hand'),
  createdBy: z.string(),
  createdAt: z.string(),
  comment: z.string(),
  expiredBy: z.string().nullable().describe('who ended it by hand, if anyone'),
  expiredAt: z.string().nullable(),
  remindedAt: z.string().nullable().describe('when its author was reminded that it ends soon'),
});
/** One silence over REST. */
export type SilenceView = z.infer<typeof silenceViewSchema>;

/** The view of a stored silence at `now`. */
export function toSilenceView(stored: StoredSilence, now: Date): SilenceView {
  const { silence } = stored;
  return {
    id: silence.id,
    state: recordState(stored, now),
    matchers: silence.matchers,
    startsAt: silence.startsAt.toISOString(),
    endsAt: silence.endsAt.toISOString(),
    createdBy: silence.createdBy,
    createdAt: stored.createdAt.toISOString(),
    comment: silence.comment,
    expiredBy: stored.expiredBy,
    expiredAt: stored.expiredAt?.toISOString() ?? null,
    remindedAt: stored.remindedAt?.toISOString() ?? null,
  };
}
