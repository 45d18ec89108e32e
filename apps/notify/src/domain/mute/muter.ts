import type { Alert } from '../alerts/alert';

/** Why an alert is held back, and by what (the silence, inhibition rule or maintenance window). */
export type Muted = { muted: true; reason: 'silenced' | 'inhibited' | 'in-maintenance'; by: string };

/** A muter's answer for one alert: held back and why, or not. */
export type MuteVerdict = Muted | { muted: false; reason: 'not-muted' | 'emergency-never-muted' };

/** Silences, inhibition and maintenance windows behind one shape, as Alertmanager's `Muter`. */
export interface Muter {
  mutes(alert: Alert, now: Date): MuteVerdict;
}

/** The answer of a muter that does not hold the alert back. */
export const NOT_MUTED: MuteVerdict = { muted: false, reason: 'not-muted' };
