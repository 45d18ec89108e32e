/** One grade of a partnership's scheme: its name and how soon someone must respond. */
export interface GradeDefinition {
  grade: number;
  name: string;
  /** Minutes from the call to the target response; null when the grade has no target (resolved without deployment). */
  targetMinutes: number | null;
}

/** How a partnership grades calls: its grades, the grade per category, and the grade given at once for danger. */
export interface GradePolicy {
  grades: readonly GradeDefinition[];
  /** Grade per category, or per `Category / Subcategory` (which wins; categories may hold a slash, as Arson/Fire). */
  categoryGrades: Readonly<Record<string, number>>;
  /** Grade for a category the table does not list. */
  defaultGrade: number;
  /** The grade for danger to life: an emergency, a personal attack, a weapon. */
  immediateGrade: number;
}

/**
 * UK police style grades; each force sets its own target times, these are typical ones
 * (urban): 1 emergency, attend within 15 minutes; 2 priority, within the hour;
 * 3 scheduled, within a day; 4 resolved without deployment (advice, a download, a record).
 */
export const DEFAULT_GRADE_POLICY: GradePolicy = {
  grades: [
    { grade: 1, name: 'Emergency', targetMinutes: 15 },
    { grade: 2, name: 'Priority', targetMinutes: 60 },
    { grade: 3, name: 'Scheduled', targetMinutes: 24 * 60 },
    { grade: 4, name: 'Resolved without deployment', targetMinutes: null },
  ],
  categoryGrades: {
    Weapon: 1,
    Abduction: 1,
    'Bomb Threat/Suspect Package': 1,
    'Alarm Activation / Personal Attack': 1,
    Assault: 2,
    'Arson/Fire': 2,
    'Alarm Activation': 2,
    'Alarm Activation / Monitored site': 3,
    'Concern for Welfare': 2,
    'Traffic Incident': 2,
    'Police Request': 2,
    Burglary: 2,
    Domestic: 2,
    Theft: 3,
    'Anti Social Behaviour': 3,
    'Criminal Damage': 3,
    'Drug Related': 3,
    'Suspicious Activity': 3,
    'Post Event Viewing': 4,
    'Fly Tipping': 4,
  },
  defaultGrade: 3,
  immediateGrade: 1,
};

/** When a grade's target runs out for an incident whose first call came at `receivedAt` (null: the grade has none). */
export function respondByFor(grade: number, receivedAt: Date, policy: GradePolicy): Date | null {
  const target = policy.grades.find((g) => g.grade === grade)?.targetMinutes ?? null;
  return target === null ? null : new Date(receivedAt.getTime() + target * 60_000);
}
