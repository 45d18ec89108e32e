import { percentile, summarise } from './stats';

describe('percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  it.each([
    [hundred, 50, 50],
    [hundred, 99, 99],
    [hundred, 100, 100],
    [[7], 99, 7],
    [[1, 2], 50, 1],
  ])('of %j at p%d is %d', (sorted, p, expected) => {
    expect(percentile(sorted, p)).toBe(expected);
  });

  it('summarises unsorted samples', () => {
    expect(summarise([5, 1, 3])).toEqual({ count: 3, p50: 3, p99: 5, max: 5 });
  });
});
