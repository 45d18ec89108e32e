import { ClockAlarm, decideClockAlarm, meetClock, nextAlarmAt, recomputeClock, SlaClockState, startClocks } from './sla-clock';
import { DEFAULT_SLA_CONTRACT } from './sla-contract';
import { Interval } from './working-time';

const h = 3_600_000;
const m = 60_000;
const contract = DEFAULT_SLA_CONTRACT; // emergency 4 h / 12 h, standard 24 h / 72 h, warning at 80%

describe('startClocks', () => {
  it.each<[string, 'emergency' | 'standard', Interval[], { respondBy: number; respondWarn: number; fixBy: number; fixWarn: number }]>([
    ['emergency, no maintenance', 'emergency', [], { respondBy: 4 * h, respondWarn: 192 * m, fixBy: 12 * h, fixWarn: 576 * m }],
    ['standard, no maintenance', 'standard', [], { respondBy: 24 * h, respondWarn: 19.2 * h, fixBy: 72 * h, fixWarn: 57.6 * h }],
    [
      'emergency with a 2 h window in its first hours: both clocks stop for it',
      'emergency',
      [{ start: 1 * h, end: 3 * h }],
      { respondBy: 6 * h, respondWarn: 192 * m + 2 * h, fixBy: 14 * h, fixWarn: 576 * m + 2 * h },
    ],
    [
      'a window after the response deadline moves only the fix',
      'emergency',
      [{ start: 5 * h, end: 8 * h }],
      { respondBy: 4 * h, respondWarn: 192 * m, fixBy: 15 * h, fixWarn: 576 * m + 3 * h },
    ],
  ])('%s', (_what, severity, windows, expected) => {
    const { response, fix } = startClocks(0, severity, contract, windows);
    expect({ respondBy: response.dueAt, respondWarn: response.warnAt, fixBy: fix.dueAt, fixWarn: fix.warnAt }).toEqual(expected);
  });
});

describe('decideClockAlarm', () => {
  const clock: SlaClockState = { startedAt: 0, durationMs: 4 * h, dueAt: 4 * h, warnAt: 192 * m, metAt: null, warned: false, breached: false };

  it.each<[string, SlaClockState, number, ClockAlarm]>([
    ['the warning time reached: warn', clock, 192 * m, { action: 'warn', reason: 'warning-time-reached' }],
    ['fired early (maintenance moved it): wait for the new warning time', { ...clock, warnAt: 300 * m, dueAt: 6 * h }, 192 * m, { action: 'reschedule', at: 300 * m, reason: 'moved-by-maintenance' }],
    ['warned, before the deadline: wait for it', { ...clock, warned: true }, 200 * m, { action: 'reschedule', at: 4 * h, reason: 'warned-awaiting-deadline' }],
    ['the deadline reached: breach', { ...clock, warned: true }, 4 * h, { action: 'breach', reason: 'deadline-passed' }],
    ['both passed while faults was down: breach, not a warning', clock, 5 * h, { action: 'breach', reason: 'deadline-passed' }],
    ['met in time: nothing', { ...clock, metAt: 2 * h }, 5 * h, { action: 'none', reason: 'clock-met' }],
    ['already breached (a timer run twice): nothing', { ...clock, breached: true, warned: true }, 5 * h, { action: 'none', reason: 'already-breached' }],
  ])('%s', (_what, state, now, expected) => {
    expect(decideClockAlarm(state, now)).toEqual(expected);
  });

  it('a restart in the middle loses nothing: the same clock decides the same at any later time', () => {
    // Faults is down from 1 h to 5 h; its timers fire late, in order, and decide from the stored clock alone.
    const warned = { ...clock, warned: decideClockAlarm(clock, 5 * h).action === 'warn' };
    expect(warned.warned).toBe(false);
    expect(decideClockAlarm(warned, 5 * h)).toEqual({ action: 'breach', reason: 'deadline-passed' });
  });
});

describe('recomputeClock', () => {
  const running = startClocks(0, 'emergency', contract, []).response;

  it.each<[string, SlaClockState, Interval[], number]>([
    ['a running clock follows a window created since', running, [{ start: 1 * h, end: 2 * h }], 5 * h],
    ['a cancelled window gives the time back', { ...running, dueAt: 5 * h }, [], 4 * h],
    ['a met clock keeps its deadline', { ...running, metAt: 3 * h }, [{ start: 1 * h, end: 2 * h }], 4 * h],
    ['a breached clock keeps its deadline', { ...running, breached: true }, [{ start: 1 * h, end: 2 * h }], 4 * h],
  ])('%s', (_what, state, windows, dueAt) => {
    expect(recomputeClock(state, contract.warnAtFraction, windows).dueAt).toBe(dueAt);
  });
});

describe('meetClock', () => {
  it('keeps the first time it was met, and a breach once recorded', () => {
    const breached = { ...startClocks(0, 'emergency', contract, []).fix, breached: true };
    expect(meetClock(meetClock(breached, 13 * h), 14 * h)).toMatchObject({ metAt: 13 * h, breached: true });
  });
});

describe('nextAlarmAt', () => {
  const running = startClocks(0, 'emergency', contract, []).response;

  it.each<[string, SlaClockState, number | null]>([
    ['running: the warning first', running, 192 * m],
    ['warned: the deadline', { ...running, warned: true }, 4 * h],
    ['met: nothing more', { ...running, metAt: 1 * h }, null],
    ['breached: nothing more', { ...running, warned: true, breached: true }, null],
  ])('%s', (_what, clock, expected) => {
    expect(nextAlarmAt(clock)).toBe(expected);
  });
});
