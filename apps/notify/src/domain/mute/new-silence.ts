import { z } from 'zod';
import { ALERT_LABEL_NAMES } from '../alerts/alert';
import { ConfigError, pathText, schemaErrors } from '../routing/config-error';
import { Silence, silenceSchema } from './silence';

const isoTime = z.iso.datetime({ offset: true, message: 'a time such as 2026-11-28T23:00:00Z' });

/**
 * What people send to create a silence. The author and the id are not in it: the author is who
 * signs in, the id is given by notify. Times are ISO 8601 with a zone; no start means now.
 */
export const newSilenceSchema = z.strictObject({
  matchers: silenceSchema.shape.matchers.describe('every matcher must hold for an alert to be silenced, e.g. [{"label":"kind","equals":"fault"}]'),
  startsAt: isoTime.optional().describe('when it starts muting; now when absent or past'),
  endsAt: isoTime.describe('when it stops muting: what it held back and still fires goes out then'),
  comment: silenceSchema.shape.comment.describe('why: the next shift reads it'),
});
/** A silence as sent, before notify accepts it. */
export type NewSilence = z.infer<typeof newSilenceSchema>;

/** A silence accepted whole, or every reason it is not, each at its path (`matchers[0].label`). */
export type NewSilenceResult = { ok: true; silence: Silence } | { ok: false; errors: ConfigError[] };

/**
 * Checks a silence as sent and makes it a {@link Silence} by `createdBy`. A start in the past is
 * now (it muted nothing before it existed); one that would already be over is refused.
 */
export function acceptNewSilence(body: unknown, ids: { id: string; createdBy: string }, now: Date): NewSilenceResult {
  const sent = newSilenceSchema.safeParse(body);
  if (!sent.success) return { ok: false, errors: sent.error.issues.flatMap((issue) => readableErrors(issue, body)) };
  const endsAt = new Date(sent.data.endsAt);
  if (endsAt <= now) return { ok: false, errors: [{ path: 'endsAt', message: 'already over: a silence ends in the future' }] };
  const asked = sent.data.startsAt ? new Date(sent.data.startsAt) : now;
  const startsAt = asked < now ? now : asked;
  const silence = silenceSchema.safeParse({ ...ids, matchers: sent.data.matchers, startsAt, endsAt, comment: sent.data.comment });
  return silence.success ? { ok: true, silence: silence.data } : { ok: false, errors: schemaErrors(silence.error) };
}

/** zod's issues as people fix them: an unknown field or label by name, rather than "Invalid input" on the whole matcher. */
function readableErrors(issue: z.core.$ZodIssue, body: unknown): ConfigError[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: pathText([...issue.path, key]), message: key === 'createdBy' ? 'not sent: the author is who signs in' : 'not a field of a silence' }));
  }
  const [field, index] = issue.path;
  if (issue.code === 'invalid_union' && field === 'matchers' && typeof index === 'number') {
    const label = labelOf(body, index);
    if (label !== undefined && !(ALERT_LABEL_NAMES as readonly string[]).includes(label)) {
      return [{ path: pathText([...issue.path, 'label']), message: `no such label "${label}": one of ${ALERT_LABEL_NAMES.join(', ')}` }];
    }
    return [{ path: pathText(issue.path), message: 'a matcher is {label, and one of equals, notEquals, matches (a regex) or in (a list)}' }];
  }
  return schemaErrors(new z.ZodError([issue]));
}

function labelOf(body: unknown, index: number): string | undefined {
  const matchers = (body as { matchers?: unknown }).matchers;
  const matcher = Array.isArray(matchers) ? (matchers[index] as { label?: unknown } | null) : undefined;
  return typeof matcher?.label === 'string' ? matcher.label : undefined;
}
