const BACKOFF_MS = [250, 1_000, 5_000, 15_000, 30_000, 60_000];
// Short and capped: a message held through an outage should go through within seconds of recovery.
const OUTAGE_BACKOFF_MS = [250, 500, 1_000, 2_000, 5_000];

/** How long to wait before the next delivery of a message that failed transiently, by its delivery count (1-based). */
export function retryDelayMs(deliveryCount: number): number {
  const index = Math.min(Math.max(deliveryCount, 1), BACKOFF_MS.length) - 1;
  return BACKOFF_MS[index];
}

/** How long a message held through an outage waits before its handler is tried again, by attempt (1-based). */
export function outageRetryDelayMs(attempt: number): number {
  const index = Math.min(Math.max(attempt, 1), OUTAGE_BACKOFF_MS.length) - 1;
  return OUTAGE_BACKOFF_MS[index];
}
