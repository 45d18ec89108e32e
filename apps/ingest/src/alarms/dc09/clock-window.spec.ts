import { checkClock } from './clock-window';

const NOW = new Date('2026-11-23T12:00:00Z');
const at = (offsetSeconds: number): Date => new Date(NOW.getTime() + offsetSeconds * 1000);

describe('checkClock', () => {
  it.each([
    ['no timestamp', undefined, true],
    ['exactly now', at(0), true],
    ['40 s behind (edge)', at(-40), true],
    ['20 s ahead (edge)', at(20), true],
    ['41 s behind', at(-41), false],
    ['21 s ahead', at(21), false],
    ['years behind', new Date('2020-07-09T16:04:02Z'), false],
  ])('%s -> ok=%s', (_name, panelTime, ok) => {
    expect(checkClock(panelTime, NOW).ok).toBe(ok);
  });

  it('says which way and by how much the panel clock is off', () => {
    expect(checkClock(at(-41), NOW)).toEqual({ ok: false, offsetSeconds: -41, reason: expect.stringMatching(/41 s behind/) });
    expect(checkClock(at(90), NOW)).toEqual({ ok: false, offsetSeconds: 90, reason: expect.stringMatching(/90 s ahead of/) });
  });

  it('honours a configured window', () => {
    expect(checkClock(at(-100), NOW, { behindSeconds: 120, aheadSeconds: 0 }).ok).toBe(true);
    expect(checkClock(at(1), NOW, { behindSeconds: 120, aheadSeconds: 0 }).ok).toBe(false);
  });
});
