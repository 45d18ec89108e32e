import { judgeLiveness, laterOf, LivenessFacts } from './liveness-verdict';

const now = new Date('2026-11-23T03:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const policy = { lateAfterSeconds: 60, downAfterSeconds: 150 };

describe('judgeLiveness (late after 60 s, down after 150 s)', () => {
  it.each<[string | null, Date | null, string, string]>([
    [null, ago(0), 'up', 'first-heard'],
    [null, null, 'down', 'never-heard'],
    ['up', ago(0), 'up', 'heard-in-time'],
    ['up', ago(60), 'up', 'heard-in-time'],
    ['up', ago(61), 'late', 'silent-past-late-threshold'],
    ['up', ago(151), 'down', 'silent-past-down-threshold'],
    ['late', ago(150), 'late', 'silent-past-late-threshold'],
    ['late', ago(151), 'down', 'silent-past-down-threshold'],
    ['late', ago(5), 'up', 'heard-again'],
    ['down', ago(500), 'down', 'silent-past-down-threshold'],
    ['down', ago(5), 'up', 'heard-again'],
    // A delayed word that is itself already late does not make a down source merely late.
    ['down', ago(100), 'down', 'silent-past-late-threshold'],
    ['up', null, 'down', 'never-heard'],
  ])('%s, last heard %s → %s (%s)', (state, lastHeardAt, next, reason) => {
    expect(judgeLiveness({ state, lastHeardAt, changedAt: ago(1000) }, now, policy)).toEqual({ state: next, reason });
  });

  it.each<[LivenessFacts, string, string]>([
    [{ state: 'key-mismatch', lastHeardAt: ago(10), changedAt: ago(20) }, 'up', 'heard-after-key-mismatch'],
    [{ state: 'key-mismatch', lastHeardAt: ago(20), changedAt: ago(10) }, 'key-mismatch', 'key-mismatch-not-cleared'],
    [{ state: 'key-mismatch', lastHeardAt: ago(10), changedAt: ago(10) }, 'key-mismatch', 'key-mismatch-not-cleared'],
    [{ state: 'key-mismatch', lastHeardAt: null, changedAt: ago(10) }, 'key-mismatch', 'key-mismatch-not-cleared'],
  ])('an event-set state: %o → %s (%s)', (facts, next, reason) => {
    expect(judgeLiveness(facts, now, null)).toEqual({ state: next, reason });
  });

  it.each<[string, number, string, string]>([
    ['up', 61, 'late', 'silent-past-late-threshold'],
    ['late', 100_000, 'late', 'silent-past-late-threshold'],
    ['late', 5, 'up', 'heard-again'],
  ])('with no down threshold: %s, silent %i s → %s (%s)', (state, silent, next, reason) => {
    expect(judgeLiveness({ state, lastHeardAt: ago(silent), changedAt: ago(100_000) }, now, { lateAfterSeconds: 60, downAfterSeconds: null })).toEqual({ state: next, reason });
  });

  it.each(['up', 'late', 'down'])('leaves %s alone when no policy judges the source by time', (state) => {
    expect(judgeLiveness({ state, lastHeardAt: ago(10_000), changedAt: ago(10_000) }, now, null)).toEqual({ state, reason: 'judged-by-events' });
  });
});

describe('laterOf', () => {
  it.each<[Date | null, Date, Date]>([
    [null, ago(10), ago(10)],
    [ago(10), ago(5), ago(5)],
    [ago(5), ago(10), ago(5)],
  ])('stored %s, heard %s → %s', (stored, heard, expected) => {
    expect(laterOf(stored, heard)).toEqual(expected);
  });

  it('keeps a down source down when the word heard is older than the one stored', () => {
    const lastHeardAt = laterOf(ago(500), ago(600));
    expect(judgeLiveness({ state: 'down', lastHeardAt, changedAt: ago(300) }, now, policy).state).toBe('down');
  });
});
