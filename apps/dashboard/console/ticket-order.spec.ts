import type { SlaClockPush, TicketStatus } from '@vigil/contracts';
import { byDeadline, Clocked, deadlineState, formatCountdown, isOnBoard, nextDeadline } from './ticket-order';

const T0 = Date.parse('2026-11-23T22:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const clock = (dueMin: number, warnMin: number | undefined, metMin: number | null = null, breached = false): SlaClockPush => ({
  dueAt: at(dueMin),
  ...(warnMin === undefined ? {} : { warnAt: at(warnMin), warned: false }),
  metAt: metMin === null ? null : at(metMin),
  breached,
});
const ticket = (reference: string, status: Clocked['status'], response: SlaClockPush, fix: SlaClockPush, reportedMin = 0): Clocked => ({ reference, status, response, fix, reportedAt: at(reportedMin) });

describe('the next deadline and how it stands', () => {
  it.each([
    ['reported: the response clock', ticket('A', 'reported', clock(240, 192), clock(720, 576)), { clock: 'response', dueAt: T0 + 240 * 60_000 }],
    ['on site: the fix clock', ticket('A', 'engineer-on-site', clock(240, 192, 100), clock(720, 576)), { clock: 'fix', dueAt: T0 + 720 * 60_000 }],
    ['fixed: none until verified or reopened', ticket('A', 'fixed', clock(240, 192, 100), clock(720, 576, 300)), undefined],
    ['verified: none', ticket('A', 'verified', clock(240, 192, 100), clock(720, 576, 300)), undefined],
    ['merged into an outage: none, its clocks run on the outage ticket', ticket('A', 'merged', clock(240, 192), clock(720, 576)), undefined],
  ])('%s', (_, t, next) => {
    expect(nextDeadline(t)).toEqual(next);
  });

  it.each([
    ['well inside the time', ticket('A', 'reported', clock(240, 192), clock(720, 576)), 10, 'running'],
    ['at the warning point', ticket('A', 'reported', clock(240, 192), clock(720, 576)), 192, 'warning'],
    ['faults already warned', ticket('A', 'acknowledged', { ...clock(240, 192), warned: true }, clock(720, 576)), 10, 'warning'],
    ['past the deadline, before the breach event arrives', ticket('A', 'reported', clock(240, 192), clock(720, 576)), 241, 'breached'],
    ['breached by faults', ticket('A', 'reported', clock(240, 192, null, true), clock(720, 576)), 10, 'breached'],
    ['a view without warning points (police) goes from running to breached', ticket('A', 'reported', clock(240, undefined), clock(720, undefined)), 230, 'running'],
    ['response met late, fix still running: judged by the fix clock', ticket('A', 'engineer-on-site', clock(240, 192, 250, true), clock(720, 576)), 260, 'running'],
    ['fixed', ticket('A', 'fixed', clock(240, 192, 100), clock(720, 576, 300)), 800, 'met'],
  ])('%s → %s', (_, t, minute, state) => {
    expect(deadlineState(t, T0 + (minute as number) * 60_000)).toBe(state);
  });
});

describe('the board order', () => {
  it('puts the soonest running deadline first, whichever clock it is, and fixed tickets last', () => {
    const board = [
      ticket('FIXED', 'fixed', clock(240, 192, 100), clock(720, 576, 300), 0),
      ticket('STANDARD', 'reported', clock(1440, 1152), clock(4320, 3456), 5),
      ticket('ON-SITE', 'engineer-on-site', clock(240, 192, 60), clock(400, 320), 1),
      ticket('EMERGENCY', 'reported', clock(240, 192), clock(720, 576), 30),
      ticket('EMERGENCY-EARLIER', 'acknowledged', clock(240, 192), clock(720, 576), 10),
    ];
    expect([...board].sort(byDeadline).map((t) => t.reference)).toEqual(['EMERGENCY-EARLIER', 'EMERGENCY', 'ON-SITE', 'STANDARD', 'FIXED']);
  });

  it.each([
    [T0 + 2 * 3600_000 + 5 * 60_000, '2h 05m left'],
    [T0 + 12 * 60_000 + 30_000, '12m 30s left'],
    [T0 - 4 * 60_000 - 10_000, 'overdue 4m 10s'],
    [T0 + 3 * 86400_000 + 2 * 3600_000, '3d 2h left'],
  ])('formats a deadline at %s as "%s"', (due, text) => {
    expect(formatCountdown(due, T0)).toBe(text);
  });
});

describe('isOnBoard: what stays on the contractor board', () => {
  it.each<[TicketStatus, boolean]>([
    ['reported', true],
    ['acknowledged', true],
    ['engineer-on-site', true],
    ['fixed', true],
    ['reopened', true],
    ['verified', false],
    ['merged', false],
  ])('%s: %s', (status, onBoard) => {
    expect(isOnBoard({ status })).toBe(onBoard);
  });
});
