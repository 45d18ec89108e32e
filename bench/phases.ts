import { LatencySummary, summarise } from './stats';
import { paced, windowed } from './paced';
import { PhaseResult, Workload } from './workload';

/** A message sent and not seen this long after the last send fails the run. */
const ARRIVAL_TIMEOUT_MS = 60_000;

/** Messages sent and not yet seen at the far end, keyed by an id both ends know; their latencies once seen. */
export class ArrivalWatch {
  private readonly sentAt = new Map<string, number>();
  private readonly latencies: number[] = [];
  private waiter?: { resolve: () => void };

  /** Notes the send time of a message about to go. */
  expect(callKey: string): void {
    this.sentAt.set(callKey, performance.now());
  }

  /** Notes a message seen at the far end; ids not expected (other traffic) are ignored. */
  arrived(callKey: string): void {
    const start = this.sentAt.get(callKey);
    if (start === undefined) return;
    this.sentAt.delete(callKey);
    this.latencies.push(performance.now() - start);
    if (this.sentAt.size === 0) this.waiter?.resolve();
  }

  /** Resolves when every expected message has arrived; fails naming one that did not. */
  async allArrived(): Promise<LatencySummary> {
    if (this.sentAt.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve, reject) => {
        this.waiter = { resolve };
        timer = setTimeout(() => {
          const [first] = this.sentAt.keys();
          reject(new Error(`${this.sentAt.size} message(s) not seen within ${ARRIVAL_TIMEOUT_MS} ms, e.g. ${first}`));
        }, ARRIVAL_TIMEOUT_MS);
      }).finally(() => clearTimeout(timer));
    }
    const summary = summarise(this.latencies);
    this.latencies.length = 0;
    this.waiter = undefined;
    return summary;
  }
}

/** Sends one message of a phase: `expect` its id on the watch, then publish it. */
export type SendOne = (label: string, i: number) => Promise<void>;

/**
 * The phases every bench target runs, the same for baselines and for Vigil: a warm-up, a burst
 * as fast as the window allows (throughput), then a steady rate (latency as felt) and a busy one.
 * `settle` runs between phases, e.g. to let a backlog drain.
 */
export async function runPhases(
  workload: Workload,
  watch: ArrivalWatch,
  sendOne: SendOne,
  settle: () => Promise<void> = async () => undefined,
): Promise<Pick<PhaseResult, 'callsPerSecond' | 'burstLatency' | 'steadyLatency' | 'busyLatency'>> {
  const run = async (label: string, count: number, send: (count: number, one: (i: number) => Promise<void>) => Promise<void>) => {
    const start = performance.now();
    await send(count, (i) => sendOne(label, i));
    const latency = await watch.allArrived();
    return { seconds: (performance.now() - start) / 1000, latency };
  };
  await run('warm', workload.warmup, (n, one) => windowed(n, workload.window, one));
  await settle();
  const burst = await run('burst', workload.burst, (n, one) => windowed(n, workload.window, one));
  await settle();
  const steady = await run('steady', workload.steadyCount, (n, one) => paced(n, workload.steadyPerSecond, one));
  await settle();
  const busy = await run('busy', workload.busyCount, (n, one) => paced(n, workload.busyPerSecond, one));
  return { callsPerSecond: workload.burst / burst.seconds, burstLatency: burst.latency, steadyLatency: steady.latency, busyLatency: busy.latency };
}
