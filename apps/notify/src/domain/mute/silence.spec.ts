import { at, NOW } from '../../testing/notify-fixtures';
import { expireSilence, Silence, silenceSchema, silenceState, SilenceState } from './silence';

const silence: Silence = { id: 'sil-1', matchers: [{ label: 'partner', equals: 'north-herts' }], startsAt: at(-60), endsAt: at(60), createdBy: 'supervisor-jo', comment: 'Switch migration' };

describe('silenceState', () => {
  it.each<[string, Date, SilenceState]>([
    ['before its start', at(-61), 'pending'],
    ['at its start', at(-60), 'active'],
    ['inside', NOW, 'active'],
    ['at its end', at(60), 'expired'],
    ['after', at(61), 'expired'],
  ])('%s: %s', (_case, now, state) => {
    expect(silenceState(silence, now)).toBe(state);
  });
});

describe('expireSilence', () => {
  it.each<[string, Silence, string, Date, Date]>([
    ['an active silence ends now', silence, 'expired-now', at(-60), NOW],
    ['a pending silence never starts', { ...silence, startsAt: at(30) }, 'cancelled-before-start', at(30), at(30)],
    ['an expired silence stays as it was', { ...silence, endsAt: at(-30) }, 'already-expired', at(-60), at(-30)],
  ])('%s', (_case, given, reason, startsAt, endsAt) => {
    expect(expireSilence(given, NOW)).toEqual({ reason, silence: { ...given, startsAt, endsAt } });
  });
});

describe('silenceSchema', () => {
  it.each<[string, object, string]>([
    ['no matchers', { matchers: [] }, 'matchers'],
    ['an end before the start', { endsAt: at(-120).toISOString() }, 'endsAt'],
    ['no comment', { comment: ' ' }, 'comment'],
    ['a bad regex', { matchers: [{ label: 'town', matches: '(' }] }, 'matchers'],
  ])('refuses %s', (_case, fields, path) => {
    const result = silenceSchema.safeParse({ ...silence, startsAt: silence.startsAt.toISOString(), endsAt: silence.endsAt.toISOString(), ...fields });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path[0])).toContain(path);
  });
});
