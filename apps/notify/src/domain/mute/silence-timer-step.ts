import { Silence, silenceState, SilenceState } from './silence';
import { silenceExpiryStep } from './silence-expiry';

/** A stored silence and what has been done about its end. */
export interface SilenceRecord {
  silence: Silence;
  /** Set when someone ended it by hand (a pending one then never starts). */
  expiredAt: Date | null;
  expiredBy: string | null;
  remindedAt: Date | null;
  /** The end time whose release was done: the end is handled once per end time. */
  releasedEndsAt: Date | null;
}

/** The state people see: one expired by hand is expired at once, even one cancelled before its start. */
export function recordState(record: SilenceRecord, now: Date): SilenceState {
  return record.expiredAt ? 'expired' : silenceState(record.silence, now);
}

/** What the reminder timer does when it fires. */
export type ReminderTimerStep =
  | { action: 'remind'; reason: 'expiry-near' }
  | { action: 'reschedule'; reason: 'not-started' | 'not-near'; at: Date }
  | { action: 'skip'; reason: 'reminded' | 'expired-by-hand' | 'silence-over' };

/**
 * Reminds once; a timer that fired early (a clock ahead, a start moved) waits for the reminder
 * time; a silence over or ended by hand needs no reminder: the end tells what it held.
 */
export function reminderTimerStep(record: SilenceRecord, now: Date, leadMs: number): ReminderTimerStep {
  if (record.expiredAt) return { action: 'skip', reason: 'expired-by-hand' };
  const step = silenceExpiryStep(record.silence, now, leadMs, record.remindedAt !== null);
  if (step.action === 'remind') return { action: 'remind', reason: step.reason };
  if (step.action === 'release') return { action: 'skip', reason: 'silence-over' };
  if (step.reason === 'reminded') return { action: 'skip', reason: 'reminded' };
  return { action: 'reschedule', reason: step.reason, at: step.wakeAt };
}

/** What the end timer does when it fires. */
export type EndTimerStep = { action: 'release'; reason: 'silence-expired' | 'expired-by-hand' } | { action: 'reschedule'; reason: 'not-over'; at: Date } | { action: 'skip'; reason: 'released' };

/** Releases once per end time, when the silence is over or was ended by hand; early, it waits for the end. */
export function endTimerStep(record: SilenceRecord, now: Date): EndTimerStep {
  if (record.releasedEndsAt?.getTime() === record.silence.endsAt.getTime()) return { action: 'skip', reason: 'released' };
  if (record.expiredAt) return { action: 'release', reason: 'expired-by-hand' };
  if (silenceState(record.silence, now) === 'expired') return { action: 'release', reason: 'silence-expired' };
  return { action: 'reschedule', reason: 'not-over', at: record.silence.endsAt };
}

/** When a new silence's timers are due: the reminder (at once when less than the lead remains) and the end. */
export function silenceTimersDue(silence: Silence, now: Date, leadMs: number): { reminder: Date; end: Date } {
  const step = silenceExpiryStep(silence, now, leadMs, false);
  return { reminder: step.action === 'wait' ? step.wakeAt : now, end: silence.endsAt };
}
