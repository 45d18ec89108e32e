import { sessionSeconds } from './session-lifetime';

const now = new Date('2026-12-01T20:00:00Z');
const epoch = Math.floor(now.getTime() / 1000);

describe('sessionSeconds', () => {
  it.each([
    ['ID token shorter than the maximum', epoch + 3600, 28_800, 3600],
    ['maximum shorter than the ID token', epoch + 86_400, 28_800, 28_800],
    ['ID token without exp', undefined, 28_800, 28_800],
    ['ID token already expired', epoch - 5, 28_800, 0],
  ])('%s', (_case, exp, max, expected) => {
    expect(sessionSeconds(exp, now, max)).toBe(expected);
  });
});
