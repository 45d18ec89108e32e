import { at, NOW } from '../../testing/notify-fixtures';
import type { Silence, SilenceState } from './silence';
import { EndTimerStep, endTimerStep, recordState, ReminderTimerStep, reminderTimerStep, SilenceRecord, silenceTimersDue } from './silence-timer-step';

const FIFTEEN_MINUTES = 900_000;
const silence: Silence = { id: 'sil-1', matchers: [{ label: 'kind', equals: 'fault' }], startsAt: at(-3600), endsAt: at(900), createdBy: 'op-ann', comment: 'Contractor resetting switches' };
const record = (fields: Partial<SilenceRecord> = {}, times: Partial<Silence> = {}): SilenceRecord => ({
  silence: { ...silence, ...times },
  expiredAt: null,
  expiredBy: null,
  remindedAt: null,
  releasedEndsAt: null,
  ...fields,
});
const byHand = { expiredAt: at(-10), expiredBy: 'sup-kim' };

describe('recordState', () => {
  it.each<[string, SilenceRecord, SilenceState]>([
    ['inside its time', record(), 'active'],
    ['before its start', record({}, { startsAt: at(60), endsAt: at(120) }), 'pending'],
    ['after its end', record({}, { endsAt: at(-1) }), 'expired'],
    ['cancelled by hand before its start', record(byHand, { startsAt: at(60), endsAt: at(60) }), 'expired'],
  ])('%s: %s', (_case, given, state) => {
    expect(recordState(given, NOW)).toBe(state);
  });
});

describe('reminderTimerStep', () => {
  it.each<[string, SilenceRecord, Date, ReminderTimerStep]>([
    ['at the reminder time', record(), NOW, { action: 'remind', reason: 'expiry-near' }],
    ['fired early', record(), at(-60), { action: 'reschedule', reason: 'not-near', at: NOW }],
    ['before a later start', record({}, { startsAt: at(60), endsAt: at(7200) }), NOW, { action: 'reschedule', reason: 'not-started', at: at(6300) }],
    ['run again after reminding', record({ remindedAt: at(-5) }), NOW, { action: 'skip', reason: 'reminded' }],
    ['after the end', record(), at(900), { action: 'skip', reason: 'silence-over' }],
    ['ended by hand', record(byHand), NOW, { action: 'skip', reason: 'expired-by-hand' }],
  ])('%s', (_case, given, now, step) => {
    expect(reminderTimerStep(given, now, FIFTEEN_MINUTES)).toEqual(step);
  });
});

describe('endTimerStep', () => {
  it.each<[string, SilenceRecord, Date, EndTimerStep]>([
    ['at its end', record(), at(900), { action: 'release', reason: 'silence-expired' }],
    ['fired early', record(), at(899), { action: 'reschedule', reason: 'not-over', at: at(900) }],
    ['ended by hand', record(byHand, { endsAt: at(-10) }), NOW, { action: 'release', reason: 'expired-by-hand' }],
    ['cancelled by hand before its start: nothing waits for the start', record(byHand, { startsAt: at(60), endsAt: at(60) }), NOW, { action: 'release', reason: 'expired-by-hand' }],
    ['run again after releasing', record({ releasedEndsAt: at(900) }), at(901), { action: 'skip', reason: 'released' }],
    ['released for an end since moved earlier', record({ ...byHand, releasedEndsAt: at(900) }, { endsAt: at(-10) }), NOW, { action: 'release', reason: 'expired-by-hand' }],
  ])('%s', (_case, given, now, step) => {
    expect(endTimerStep(given, now)).toEqual(step);
  });
});

describe('silenceTimersDue', () => {
  it.each<[string, Partial<Silence>, { reminder: Date; end: Date }]>([
    ['a long silence is reminded the lead before its end', { startsAt: NOW, endsAt: at(7200) }, { reminder: at(6300), end: at(7200) }],
    ['a silence shorter than the lead is reminded at once', { startsAt: NOW, endsAt: at(2) }, { reminder: NOW, end: at(2) }],
    ['a later short silence is reminded at its start', { startsAt: at(60), endsAt: at(120) }, { reminder: at(60), end: at(120) }],
  ])('%s', (_case, times, due) => {
    expect(silenceTimersDue({ ...silence, ...times }, NOW, FIFTEEN_MINUTES)).toEqual(due);
  });
});
