import type { Silence } from '../domain/mute/silence';

/** Injection token of the {@link SilenceLifecycle} notify's pipeline implements. */
export const SILENCE_LIFECYCLE = Symbol('SILENCE_LIFECYCLE');

/**
 * What a silence's timers tell the rest of notify. Each is called inside the transaction that
 * records it (under the silence's row lock), so it is told once per silence, and again only if the
 * process dies before that commit; throwing rolls the record back and the timer runs again later.
 */
export interface SilenceLifecycle {
  /** The silence ends soon (or, a short one, has just started): remind whoever answers for it. */
  reminderDue(silence: Silence): Promise<void>;
  /** The silence is over, at its end or by hand: what it held back and still fires goes out now. */
  ended(silence: Silence): Promise<void>;
}
