/** A grade (1 immediate … 4 scheduled, as UK forces grade) and why. */
export interface Grading {
  grade: number;
  reason: string;
}

/** Default grade per category; configurable data a partnership can replace. */
export const CATEGORY_GRADES: Readonly<Record<string, number>> = {
  Weapon: 1,
  Abduction: 1,
  'Bomb Threat/Suspect Package': 1,
  Assault: 2,
  'Arson/Fire': 2,
  'Alarm Activation': 2,
  'Concern for Welfare': 2,
  'Traffic Incident': 2,
  Burglary: 2,
  Theft: 3,
  'Anti Social Behaviour': 3,
  'Criminal Damage': 3,
  'Drug Related': 3,
  'Suspicious Activity': 3,
};

/** Grade for an unlisted category. */
export const DEFAULT_GRADE = 3;

/** An emergency (TETRA status 0, panic button) is always grade 1; otherwise the category's grade. */
export function gradeCall(category: string, urgency: 'emergency' | 'routine', grades = CATEGORY_GRADES): Grading {
  if (urgency === 'emergency') return { grade: 1, reason: 'emergency' };
  const grade = grades[category];
  return grade === undefined ? { grade: DEFAULT_GRADE, reason: 'default-grade' } : { grade, reason: `category-grade:${category}` };
}
