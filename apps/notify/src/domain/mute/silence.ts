import { z } from 'zod';
import type { Alert } from '../alerts/alert';
import { labelsMatch, matcherSchema } from '../routing/matcher';
import { Muter, NOT_MUTED } from './muter';

/** A silence as people create it on the console: what, from when to when, who and why. */
export const silenceSchema = z
  .strictObject({
    id: z.string().min(1),
    /** At least one matcher: a silence of everything is not a silence but an outage. */
    matchers: z.array(matcherSchema).min(1),
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date(),
    createdBy: z.string().min(1),
    comment: z.string().trim().min(3, 'say why: the next shift reads it'),
  })
  .refine((silence) => silence.endsAt > silence.startsAt, { message: 'ends after it starts', path: ['endsAt'] });
/** One silence. */
export type Silence = z.infer<typeof silenceSchema>;

/** Where a silence is in its life at a time. */
export type SilenceState = 'pending' | 'active' | 'expired';

/** Pending before its start, active from start until (not at) its end, expired after. */
export function silenceState(silence: Silence, now: Date): SilenceState {
  if (now < silence.startsAt) return 'pending';
  return now < silence.endsAt ? 'active' : 'expired';
}

/** Ending a silence from the console: at once, or never started when it was still pending. */
export function expireSilence(silence: Silence, now: Date): { silence: Silence; reason: 'expired-now' | 'cancelled-before-start' | 'already-expired' } {
  const state = silenceState(silence, now);
  if (state === 'expired') return { silence, reason: 'already-expired' };
  if (state === 'pending') return { silence: { ...silence, endsAt: silence.startsAt }, reason: 'cancelled-before-start' };
  return { silence: { ...silence, endsAt: now }, reason: 'expired-now' };
}

/** Mutes an alert that an active silence matches; the first such silence is named. */
export function silencer(silences: readonly Silence[]): Muter {
  return {
    mutes(alert: Alert, now: Date) {
      const holding = silences.find((silence) => silenceState(silence, now) === 'active' && labelsMatch(silence.matchers, alert.labels));
      return holding ? { muted: true, reason: 'silenced', by: holding.id } : NOT_MUTED;
    },
  };
}
