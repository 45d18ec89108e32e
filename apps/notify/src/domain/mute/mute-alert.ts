import type { Alert } from '../alerts/alert';
import { emergencyOf } from '../alerts/emergency';
import { MuteVerdict, Muter, NOT_MUTED } from './muter';

/**
 * Asks each muter in order (maintenance windows, inhibition, silences, as the pipeline assembles
 * them) and takes the first that holds the alert back. An emergency is never held back.
 */
export function muteAlert(alert: Alert, muters: readonly Muter[], now: Date): MuteVerdict {
  if (emergencyOf(alert)) return { muted: false, reason: 'emergency-never-muted' };
  for (const muter of muters) {
    const verdict = muter.mutes(alert, now);
    if (verdict.muted) return verdict;
  }
  return NOT_MUTED;
}
