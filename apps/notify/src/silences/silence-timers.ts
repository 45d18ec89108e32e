import type { AppTimers, Queryable } from '@vigil/timers';
import type { Silence } from '../domain/mute/silence';
import { silenceTimersDue } from '../domain/mute/silence-timer-step';

/** The timer kind of a silence's reminder before its end: one pending per silence. */
export const SILENCE_REMINDER_TIMER = 'silence-reminder';
/** The timer kind of a silence's end: one pending per silence. */
export const SILENCE_END_TIMER = 'silence-end';

/** How long before its end a silence's author is reminded: time to extend it or let it go. */
export const SILENCE_REMINDER_LEAD_MS = 15 * 60_000;

/** What a silence's timers carry. */
export interface SilenceTimerPayload {
  silenceId: string;
}

/** Sets a new silence's reminder and end timers, in the caller's transaction: they exist if and only if the silence does. */
export async function scheduleSilenceTimers(timers: AppTimers, silence: Silence, now: Date, manager: Queryable): Promise<void> {
  const due = silenceTimersDue(silence, now, SILENCE_REMINDER_LEAD_MS);
  const payload: SilenceTimerPayload = { silenceId: silence.id };
  await timers.schedule(SILENCE_REMINDER_TIMER, silence.id, due.reminder, payload, { manager });
  await timers.schedule(SILENCE_END_TIMER, silence.id, due.end, payload, { manager });
}
