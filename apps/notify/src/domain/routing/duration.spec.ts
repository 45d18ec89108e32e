import { durationSchema } from './duration';

describe('durationSchema', () => {
  it.each<[string, number | null]>([
    ['0s', 0],
    ['250ms', 250],
    ['30s', 30_000],
    ['5m', 300_000],
    ['4h', 14_400_000],
    ['1d', 86_400_000],
    ['30', null],
    ['1.5h', null],
    ['-5m', null],
    ['5 m', null],
  ])('%s → %s ms', (text, ms) => {
    const parsed = durationSchema.safeParse(text);
    expect(parsed.success ? parsed.data : null).toBe(ms);
  });
});
