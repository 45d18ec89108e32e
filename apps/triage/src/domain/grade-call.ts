import { CallReceived } from '@vigil/contracts';
import { DEFAULT_GRADE_POLICY, GradePolicy, respondByFor } from './grade-policy';
import { stripPlaceNames } from './strip-place-names';

/** A grade, when its target runs out, and why. */
export interface Grading {
  grade: number;
  /** Null when the grade has no target time. */
  respondBy: Date | null;
  reason: string;
}

/** What grading reads of a classified call. */
export interface GradeInput {
  category: string;
  subcategory: string | null;
  call: Pick<CallReceived, 'urgency' | 'summary' | 'receivedAt'> & Partial<Pick<CallReceived, 'alarm'>>;
}

// Words that mean danger to life whatever the category came out as ("a knife" in a Town Link
// robbery call); place names are taken out first, as for classification.
const WEAPON_WORDS = /\b(knife|knives|blade|machete|stabb?(ed|ing)?|gun|firearm|shots? fired|shotgun|pistol)\b/;

/**
 * Grades a call: danger to life (an emergency button or status, a personal-attack alarm, a weapon
 * named) takes the immediate grade at once; otherwise the policy's grade for the category (the
 * subcategory's if listed), else its default. `respondBy` is the grade's target from the call.
 */
export function gradeCall(input: GradeInput, policy: GradePolicy = DEFAULT_GRADE_POLICY): Grading {
  const { grade, reason } = chooseGrade(input, policy);
  return { grade, respondBy: respondByFor(grade, new Date(input.call.receivedAt), policy), reason };
}

function chooseGrade({ category, subcategory, call }: GradeInput, policy: GradePolicy): { grade: number; reason: string } {
  if (call.urgency === 'emergency') return { grade: policy.immediateGrade, reason: 'emergency' };
  if (call.alarm?.kind === 'personal-attack' || call.alarm?.kind === 'hold-up') return { grade: policy.immediateGrade, reason: `alarm:${call.alarm.kind}` };
  if (WEAPON_WORDS.test(stripPlaceNames(call.summary).toLowerCase())) return { grade: policy.immediateGrade, reason: 'weapon-words' };
  const key = subcategory ? `${category} / ${subcategory}` : undefined;
  if (key && policy.categoryGrades[key] !== undefined) return { grade: policy.categoryGrades[key], reason: `category-grade:${key}` };
  if (policy.categoryGrades[category] !== undefined) return { grade: policy.categoryGrades[category], reason: `category-grade:${category}` };
  return { grade: policy.defaultGrade, reason: 'default-grade' };
}
