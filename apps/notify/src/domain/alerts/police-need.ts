/** Which incidents the police control room must hear about, whoever else does. */
export interface PolicePolicy {
  /** Grades at or above this urgency (1 is the most urgent) need police attendance. */
  attendanceGrade: number;
  /** Categories that are police business whatever their grade. */
  categories: readonly string[];
}

/** Grades 1 and 2 (emergency, priority) have police attendance targets; a Police Request is theirs by name. */
export const DEFAULT_POLICE_POLICY: PolicePolicy = { attendanceGrade: 2, categories: ['Police Request'] };

/** Why an incident does or does not need police: a log field and the `police` label's reason. */
export type PoliceNeed = { needed: true; reason: 'attendance-grade' | 'police-category' } | { needed: false; reason: 'no-police-need' };

/** Decides whether an incident needs police, from its grade and category. */
export function policeNeed(incident: { grade: number; category: string }, policy: PolicePolicy): PoliceNeed {
  if (incident.grade <= policy.attendanceGrade) return { needed: true, reason: 'attendance-grade' };
  if (policy.categories.includes(incident.category)) return { needed: true, reason: 'police-category' };
  return { needed: false, reason: 'no-police-need' };
}
