const BACKOFF_MS = [250, 1_000, 5_000, 15_000, 30_000, 60_000];

/** How long to wait before the next delivery of a message that failed transiently, by its delivery count (1-based). */
export function retryDelayMs(deliveryCount: number): number {
  const index = Math.min(Math.max(deliveryCount, 1), BACKOFF_MS.length) - 1;
  return BACKOFF_MS[index];
}
