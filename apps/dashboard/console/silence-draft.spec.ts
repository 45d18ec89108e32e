import { fieldOf, londonWallTimeToDate, matcherOf, SilenceDraft, silenceFromDraft, silencesByState } from './silence-draft';
import type { Silence } from './notify-types';

const now = new Date('2026-07-04T02:00:00.000Z');
const draft: SilenceDraft = { rows: [{ label: 'site', op: '=', value: 'hitchin-cabinet-3' }], endsIn: '4h', customEnd: '', comment: 'cabinet rewiring tonight' };

describe('matcherOf', () => {
  it.each([
    [{ label: 'site', op: '=' as const, value: ' hitchin-cabinet-3 ' }, { label: 'site', equals: 'hitchin-cabinet-3' }],
    [{ label: 'grade', op: '!=' as const, value: '1' }, { label: 'grade', notEquals: '1' }],
    [{ label: 'town', op: '=~' as const, value: 'Hitchin|Letchworth' }, { label: 'town', matches: 'Hitchin|Letchworth' }],
    [{ label: 'state', op: 'in' as const, value: 'down, key-mismatch,' }, { label: 'state', in: ['down', 'key-mismatch'] }],
  ])('%j → %j', (row, matcher) => expect(matcherOf(row)).toEqual(matcher));
});

describe('silenceFromDraft', () => {
  it.each<[string, Partial<SilenceDraft>, unknown]>([
    ['4 hours from now', {}, { ok: true, silence: { matchers: [{ label: 'site', equals: 'hitchin-cabinet-3' }], endsAt: '2026-07-04T06:00:00.000Z', comment: 'cabinet rewiring tonight' } }],
    ['a custom end, read as London summer time', { endsIn: 'custom', customEnd: '2026-07-04T09:30' }, { ok: true, silence: expect.objectContaining({ endsAt: '2026-07-04T08:30:00.000Z' }) }],
    ['no comment', { comment: '  ' }, { ok: false, errors: [{ path: 'comment', message: 'say why: the next shift reads it' }] }],
    ['an empty value', { rows: [{ label: 'site', op: '=', value: ' ' }] }, { ok: false, errors: [{ path: 'matchers[0]', message: 'give a value to match' }] }],
    ['no matcher at all', { rows: [] }, { ok: false, errors: [{ path: 'matchers', message: 'at least one matcher: a silence of everything is an outage' }] }],
    ['a custom end already past', { endsIn: 'custom', customEnd: '2026-07-04T02:30' }, { ok: false, errors: [{ path: 'endsAt', message: 'the end time has passed' }] }],
    ['a custom end not given', { endsIn: 'custom', customEnd: '' }, { ok: false, errors: [{ path: 'endsAt', message: 'give an end time' }] }],
  ])('%s', (_case, change, result) => expect(silenceFromDraft({ ...draft, ...change }, now)).toEqual(result));
});

describe('londonWallTimeToDate', () => {
  it.each([
    ['2026-01-15T08:00', '2026-01-15T08:00:00.000Z'],
    ['2026-07-15T08:00', '2026-07-15T07:00:00.000Z'],
    ['2026-07-15T00:30', '2026-07-14T23:30:00.000Z'],
    ['not a time', null],
  ])('%s → %s', (value, iso) => expect(londonWallTimeToDate(value)?.toISOString() ?? null).toBe(iso));
});

describe('fieldOf', () => {
  it.each([
    ['matchers[1].equals', 'matchers[1]'],
    ['matchers.0.label', 'matchers[0]'],
    ['matchers', 'matchers'],
    ['comment', 'comment'],
    ['endsAt', 'endsAt'],
    ['startsAt', 'endsAt'],
    ['', 'form'],
  ])('%s → %s', (path, field) => expect(fieldOf(path)).toBe(field));
});

describe('silencesByState', () => {
  const silence = (id: string, state: Silence['state'], startsAt: string, endsAt: string): Silence => ({ id, state, startsAt, endsAt, matchers: [], createdBy: 'op', comment: 'x' });
  it('active soonest to end, pending soonest to start, expired newest first', () => {
    const grouped = silencesByState([
      silence('a2', 'active', '2026-07-04T00:00Z', '2026-07-04T09:00Z'),
      silence('e1', 'expired', '2026-07-03T00:00Z', '2026-07-03T01:00Z'),
      silence('a1', 'active', '2026-07-04T00:00Z', '2026-07-04T03:00Z'),
      silence('p1', 'pending', '2026-07-05T00:00Z', '2026-07-05T09:00Z'),
      silence('e2', 'expired', '2026-07-03T00:00Z', '2026-07-03T05:00Z'),
    ]);
    expect({ active: grouped.active.map((s) => s.id), pending: grouped.pending.map((s) => s.id), expired: grouped.expired.map((s) => s.id) }).toEqual({ active: ['a1', 'a2'], pending: ['p1'], expired: ['e2', 'e1'] });
  });
});
