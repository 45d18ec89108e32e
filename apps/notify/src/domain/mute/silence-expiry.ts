import type { Alert } from '../alerts/alert';
import { muteAlert } from './mute-alert';
import type { Muter } from './muter';
import { Silence, silenceState } from './silence';

/** What to do about a silence's end at a time: remind its author, release what it held, or wait until `wakeAt`. */
export type SilenceExpiryStep =
  | { action: 'remind'; reason: 'expiry-near'; wakeAt: Date }
  | { action: 'release'; reason: 'silence-expired' }
  | { action: 'wait'; reason: 'not-started' | 'not-near' | 'reminded'; wakeAt: Date };

/** Reminds once, `leadMs` before the end (or at the start of a shorter silence), then releases at the end. */
export function silenceExpiryStep(silence: Silence, now: Date, leadMs: number, reminded: boolean): SilenceExpiryStep {
  const state = silenceState(silence, now);
  if (state === 'expired') return { action: 'release', reason: 'silence-expired' };
  const remindAt = new Date(Math.max(silence.startsAt.getTime(), silence.endsAt.getTime() - leadMs));
  if (reminded) return { action: 'wait', reason: 'reminded', wakeAt: silence.endsAt };
  if (state === 'pending') return { action: 'wait', reason: 'not-started', wakeAt: remindAt };
  if (now < remindAt) return { action: 'wait', reason: 'not-near', wakeAt: remindAt };
  return { action: 'remind', reason: 'expiry-near', wakeAt: silence.endsAt };
}

/** What becomes of one alert a silence held back once the silence is over. */
export type Release = { fingerprint: string; send: true; reason: 'still-firing' } | { fingerprint: string; send: false; reason: 'resolved-meanwhile' | 'still-muted'; by?: string };

/**
 * What an expired silence held back goes out at once if it still fires and nothing else (another
 * silence, an inhibition, a window) holds it; an alert that resolved meanwhile was never told, so
 * it is not told it is over either.
 */
export function releaseHeldBack(held: readonly Alert[], otherMuters: readonly Muter[], now: Date): Release[] {
  return held.map((alert) => {
    if (alert.status === 'resolved') return { fingerprint: alert.fingerprint, send: false, reason: 'resolved-meanwhile' };
    const verdict = muteAlert(alert, otherMuters, now);
    if (verdict.muted) return { fingerprint: alert.fingerprint, send: false, reason: 'still-muted', by: verdict.by };
    return { fingerprint: alert.fingerprint, send: true, reason: 'still-firing' };
  });
}
