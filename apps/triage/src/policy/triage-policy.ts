import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isKnownCategory } from '@vigil/contracts';
import { CorrelationPolicy, DEFAULT_CORRELATION_POLICY } from '../domain/correlation-policy';
import { DEFAULT_GRADE_POLICY, GradePolicy } from '../domain/grade-policy';
import { buildLocationRegisters, LocationRegisters, NO_REGISTERS } from '../registers/location-registers';

/** Everything a partnership configures about triage's decisions. */
export interface TriagePolicy {
  grading: GradePolicy;
  correlation: CorrelationPolicy;
  registers: LocationRegisters;
}

/** The defaults: UK police style grades, half an hour and 100 m for correlation, no registers. */
export const DEFAULT_TRIAGE_POLICY: TriagePolicy = { grading: DEFAULT_GRADE_POLICY, correlation: DEFAULT_CORRELATION_POLICY, registers: NO_REGISTERS };

const grade = z.number().int().min(1).max(5);

/** A partnership's policy file (`VIGIL_TRIAGE_POLICY_FILE`): every part optional, the rest stays default. */
export const policyFileSchema = z
  .object({
    grades: z.array(z.object({ grade, name: z.string().min(1), targetMinutes: z.number().int().positive().nullable() }).strict()).min(1).optional(),
    /** Replaces the default table entirely when given. */
    categoryGrades: z.record(z.string(), grade).optional(),
    defaultGrade: grade.optional(),
    immediateGrade: grade.optional(),
    correlation: z
      .object({ windowMinutes: z.number().int().min(1).max(24 * 60), distanceMetres: z.number().int().min(10).max(5_000) })
      .partial()
      .strict()
      .optional(),
  })
  .strict();

/** Merges a parsed policy file over the defaults; throws, naming every problem, when it contradicts itself. */
export function buildGradeAndCorrelation(input: unknown, origin: string): Pick<TriagePolicy, 'grading' | 'correlation'> {
  const parsed = policyFileSchema.safeParse(input);
  if (!parsed.success) throw new Error(`${origin}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const file = parsed.data;
  const grading: GradePolicy = {
    grades: file.grades ?? DEFAULT_GRADE_POLICY.grades,
    categoryGrades: file.categoryGrades ?? DEFAULT_GRADE_POLICY.categoryGrades,
    defaultGrade: file.defaultGrade ?? DEFAULT_GRADE_POLICY.defaultGrade,
    immediateGrade: file.immediateGrade ?? DEFAULT_GRADE_POLICY.immediateGrade,
  };
  const problems = gradingProblems(grading);
  if (problems.length > 0) throw new Error(`${origin}: ${problems.join('; ')}`);
  return { grading, correlation: { ...DEFAULT_CORRELATION_POLICY, ...file.correlation } };
}

function gradingProblems(policy: GradePolicy): string[] {
  const defined = new Set(policy.grades.map((g) => g.grade));
  const categories = Object.keys(policy.categoryGrades);
  return [
    ...(defined.size !== policy.grades.length ? ['a grade is defined twice'] : []),
    ...categories.filter((key) => !isKnownCategory(...(key.split(' / ', 2) as [string, string?]))).map((key) => `"${key}" is not in the taxonomy`),
    ...[...Object.values(policy.categoryGrades), policy.defaultGrade, policy.immediateGrade].filter((g) => !defined.has(g)).map((g) => `grade ${g} is used but not defined`),
  ].filter((problem, index, all) => all.indexOf(problem) === index);
}

/** Reads the policy and register files (either may be absent), once, at start-up; throws on any problem. */
export function loadTriagePolicy(files: { policyFile?: string; registersFile?: string }, defaultRegisters: LocationRegisters = NO_REGISTERS): TriagePolicy {
  const policy = files.policyFile ? buildGradeAndCorrelation(readJson(files.policyFile), files.policyFile) : DEFAULT_TRIAGE_POLICY;
  const registers = files.registersFile ? buildLocationRegisters(readJson(files.registersFile), files.registersFile) : defaultRegisters;
  return { grading: policy.grading, correlation: policy.correlation, registers };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot be read as JSON (${(error as Error).message})`);
  }
}
