import type { Alert } from './alert';

/** Why an alert is an emergency that nothing may hold back: it skips the group wait and is never muted. */
export type Emergency = 'grade-1' | 'tetra-emergency';

/**
 * A firing grade 1 incident, or one raised by a TETRA emergency (the Airwave emergency button or
 * status), is an emergency. This is the domain's rule, not a routing setting, so no config can
 * make a grade 1 wait 30 seconds or be silenced by a broad silence.
 */
export function emergencyOf(alert: Alert): Emergency | null {
  if (alert.labels.kind !== 'incident' || alert.status !== 'firing') return null;
  if (alert.labels.grade === '1') return 'grade-1';
  return alert.tetraEmergency ? 'tetra-emergency' : null;
}
