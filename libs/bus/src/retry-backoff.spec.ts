import { outageRetryDelayMs, retryDelayMs } from './retry-backoff';

describe('retryDelayMs', () => {
  it.each([
    [0, 250],
    [1, 250],
    [2, 1_000],
    [3, 5_000],
    [6, 60_000],
    [50, 60_000],
  ])('delivery %d waits %d ms', (delivery, delay) => {
    expect(retryDelayMs(delivery)).toBe(delay);
  });
});

describe('outageRetryDelayMs', () => {
  it.each([
    [1, 250],
    [2, 500],
    [4, 2_000],
    [5, 5_000],
    [500, 5_000],
  ])('attempt %d waits %d ms', (attempt, delay) => {
    expect(outageRetryDelayMs(attempt)).toBe(delay);
  });
});
