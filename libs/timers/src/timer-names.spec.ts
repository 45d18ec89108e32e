import { assertTimerKind, jobKey, timersSchemaFor } from './timer-names';

describe('timer names', () => {
  it.each([
    ['triage', 'triage_timers'],
    ['faults', 'faults_timers'],
  ])('app schema %s keeps its timers in %s', (app, timers) => {
    expect(timersSchemaFor(app)).toBe(timers);
  });

  it('gives each kind its own key space', () => {
    expect(jobKey('restore-wait', 'call-1')).not.toBe(jobKey('grouping-window', 'call-1'));
  });

  it.each(['restore-wait', 'sla2', 'a'])('accepts kind %s', (kind) => {
    expect(assertTimerKind(kind)).toBe(kind);
  });

  it.each(['Restore', 'restore_wait', '1st', 'restore wait', ''])('refuses kind %j', (kind) => {
    expect(() => assertTimerKind(kind)).toThrow(/kebab-case/);
  });
});
