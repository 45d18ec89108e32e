import { judgeResend, ResendWindow } from './resend-window';

const T0 = new Date('2026-11-23T12:00:00Z');
const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);
const WINDOW_MS = 300_000;

describe('judgeResend', () => {
  it.each<[string, Date | undefined, Date, string, Date]>([
    ['never seen', undefined, T0, 'first', T0],
    ['seen a second ago', T0, at(1), 'resend', T0],
    ['seen just inside the window', T0, at(299.999), 'resend', T0],
    ['seen exactly one window ago', T0, at(300), 'after-window', at(300)],
    ['seen an hour ago', T0, at(3600), 'after-window', at(3600)],
    ['seen "later" after the clock stepped back', at(10), T0, 'resend', at(10)],
  ])('%s: %s', (_name, firstSeen, now, kind, windowStart) => {
    expect(judgeResend(firstSeen, now, WINDOW_MS)).toEqual({ kind, windowStart });
  });
});

describe('ResendWindow', () => {
  it('keeps the first sighting through resends, and starts a new window after it', () => {
    const window = new ResendWindow(WINDOW_MS);
    expect(window.judge('a', T0)).toEqual({ kind: 'first', windowStart: T0 });
    expect(window.judge('a', at(200))).toEqual({ kind: 'resend', windowStart: T0 });
    expect(window.judge('a', at(301))).toEqual({ kind: 'after-window', windowStart: at(301) });
    expect(window.judge('a', at(400))).toEqual({ kind: 'resend', windowStart: at(301) });
  });

  it('forgets transmissions older than the window', () => {
    const window = new ResendWindow(WINDOW_MS);
    window.judge('a', T0);
    window.judge('b', at(100));
    window.judge('c', at(350));
    expect(window.size).toBe(2);
    window.judge('d', at(1000));
    expect(window.size).toBe(1);
  });
});
