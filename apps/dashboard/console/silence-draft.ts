import { MATCHER_OPS, MatcherOp } from './notify-labels';
import type { FieldError, Matcher, NewSilence, Silence, SilenceState } from './notify-types';

/** One matcher row of the form as typed. */
export interface MatcherRow {
  label: string;
  op: MatcherOp;
  value: string;
}

/** How long a new silence lasts: a shift's usual choices, or an end time in London. */
export type EndsIn = '1h' | '4h' | '8h' | 'custom';

/** The silence form as the operator left it. */
export interface SilenceDraft {
  rows: MatcherRow[];
  endsIn: EndsIn;
  /** `2026-07-04T06:00` (an `<input type="datetime-local">`), read as London time. */
  customEnd: string;
  comment: string;
}

const HOUR = 3_600_000;
const HOURS: Record<Exclude<EndsIn, 'custom'>, number> = { '1h': 1, '4h': 4, '8h': 8 };

/** notify's matcher for a row: `in` takes a comma-separated list. */
export function matcherOf(row: MatcherRow): Matcher {
  const value = row.value.trim();
  const key = MATCHER_OPS.find((o) => o.op === row.op)!.key;
  if (key === 'in') return { label: row.label, in: value.split(',').map((v) => v.trim()).filter(Boolean) };
  return { label: row.label, [key]: value } as Matcher;
}

/**
 * The body to POST, or what the operator must fix first (each at the field it belongs to). The
 * server checks again; this only saves a round trip for what is plainly missing.
 */
export function silenceFromDraft(draft: SilenceDraft, now: Date): { ok: true; silence: NewSilence } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  draft.rows.forEach((row, i) => {
    if (!row.value.trim()) errors.push({ path: `matchers[${i}]`, message: 'give a value to match' });
  });
  if (draft.rows.length === 0) errors.push({ path: 'matchers', message: 'at least one matcher: a silence of everything is an outage' });
  if (draft.comment.trim().length < 3) errors.push({ path: 'comment', message: 'say why: the next shift reads it' });
  const endsAt = draft.endsIn === 'custom' ? londonWallTimeToDate(draft.customEnd) : new Date(now.getTime() + HOURS[draft.endsIn] * HOUR);
  if (!endsAt) errors.push({ path: 'endsAt', message: 'give an end time' });
  else if (endsAt <= now) errors.push({ path: 'endsAt', message: 'the end time has passed' });
  if (errors.length > 0 || !endsAt) return { ok: false, errors };
  return { ok: true, silence: { matchers: draft.rows.map(matcherOf), endsAt: endsAt.toISOString(), comment: draft.comment.trim() } };
}

/** Which field a server error belongs to: `matchers[1].equals` and `matchers.1` → `matchers[1]`. */
export function fieldOf(path: string): string {
  const row = /^matchers(?:\[(\d+)\]|\.(\d+))/.exec(path);
  if (row) return `matchers[${row[1] ?? row[2]}]`;
  const top = path.split(/[.[]/)[0];
  return ['matchers', 'comment', 'endsAt', 'startsAt'].includes(top) ? (top === 'startsAt' ? 'endsAt' : top) : 'form';
}

/** `2026-07-04T06:00` on a London wall clock as an instant (BST or GMT as it was then); null when not a time. */
export function londonWallTimeToDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const asIfUtc = Date.UTC(y, mo - 1, d, h, mi);
  // London is UTC or UTC+1: the offset at that instant, read back from London's own clock.
  const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(new Date(asIfUtc));
  const offsetHours = (Number(london) - h + 24) % 24;
  return new Date(asIfUtc - offsetHours * HOUR);
}

/** Silences by state, each soonest-relevant first: active by end, pending by start, expired newest first. */
export function silencesByState(silences: readonly Silence[]): Record<SilenceState, Silence[]> {
  const of = (state: SilenceState) => silences.filter((s) => s.state === state);
  return {
    active: of('active').sort((a, b) => a.endsAt.localeCompare(b.endsAt)),
    pending: of('pending').sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    expired: of('expired').sort((a, b) => b.endsAt.localeCompare(a.endsAt)),
  };
}
