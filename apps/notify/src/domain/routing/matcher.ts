import { z } from 'zod';
import { ALERT_LABEL_NAMES, AlertLabels, labelValue } from '../alerts/alert';

const label = z.enum(ALERT_LABEL_NAMES);

/** A regular expression that compiles; it is anchored at both ends when matched, as Alertmanager does. */
const regexSource = z.string().superRefine((source, ctx) => {
  try {
    new RegExp(`^(?:${source})$`);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(error as Error).message}` });
  }
});

/** One condition on a label: equals, not-equals, a whole-value regex, or one of a list. */
export const matcherSchema = z.union([
  z.strictObject({ label, equals: z.string() }),
  z.strictObject({ label, notEquals: z.string() }),
  z.strictObject({ label, matches: regexSource }),
  z.strictObject({ label, in: z.array(z.string()).min(1) }),
]);
/** One matcher. */
export type Matcher = z.infer<typeof matcherSchema>;

/** Compiled once per source: matchers are checked for every alert, and a config holds few distinct regexes. */
const compiled = new Map<string, RegExp>();

function anchored(source: string): RegExp {
  let regex = compiled.get(source);
  if (!regex) {
    regex = new RegExp(`^(?:${source})$`);
    compiled.set(source, regex);
  }
  return regex;
}

/** Whether one matcher holds for the labels (an absent label is ''). */
export function matcherHolds(matcher: Matcher, labels: AlertLabels): boolean {
  const value = labelValue(labels, matcher.label);
  if ('equals' in matcher) return value === matcher.equals;
  if ('notEquals' in matcher) return value !== matcher.notEquals;
  if ('matches' in matcher) return anchored(matcher.matches).test(value);
  return matcher.in.includes(value);
}

/** Whether every matcher holds: no matchers match everything. */
export function labelsMatch(matchers: readonly Matcher[], labels: AlertLabels): boolean {
  return matchers.every((matcher) => matcherHolds(matcher, labels));
}
