import { Alert, emergencyOf } from '../domain';

/**
 * The order in which a message lists a group's alerts, and which one leads its subject or text:
 * firing before resolved, emergencies (grade 1, TETRA emergency) first, then the more urgent grade,
 * then the oldest. A reader who stops after the first line has read the alert that matters most.
 */
export function byUrgency(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort((a, b) => rank(a) - rank(b) || a.startsAt.getTime() - b.startsAt.getTime());
}

function rank(alert: Alert): number {
  const resolved = alert.status === 'resolved' ? 1000 : 0;
  const emergency = emergencyOf(alert) ? 0 : 100;
  // Grades run 1 (most urgent) to 5; alerts without a grade (faults, sources) come after graded ones.
  const grade = Number(alert.labels.grade) || 10;
  return resolved + emergency + grade;
}
