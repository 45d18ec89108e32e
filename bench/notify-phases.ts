import { paced, windowed } from './paced';
import { LatencySummary, summarise } from './stats';
import { wallClockMs, WebhookSink } from './webhook-sink';

/** What the notify pair sends each of Vigil's notify and Alertmanager, the same alerts to both. */
export interface NotifyWorkload {
  /** Alerts sent first and waited for, unmeasured: connections, pools and the JIT warm up. */
  warmup: number;
  /** Alerts sent as fast as the sender's window allows: the rate. */
  burst: number;
  /** Alerts in flight during the burst (for Alertmanager, posts of `burstBatch` alerts each). */
  window: number;
  /** Alerts per second of the paced phase, and how long it lasts. */
  pacedPerSecond: number;
  pacedSeconds: number;
  /**
   * An alert not at the receiver this long after the phase's last send counts as missing. Long: a
   * target slower than the paced rate works through a queue that long after the sender stopped.
   */
  arrivalTimeoutMs: number;
}

/** 5,000 alerts as fast as 200 in flight allow, then 1,000 alerts/s for 15 s. */
export function benchNotifyWorkload(overrides: Partial<NotifyWorkload> = {}): NotifyWorkload {
  return { warmup: 500, burst: 5_000, window: 200, pacedPerSecond: 1_000, pacedSeconds: 15, arrivalTimeoutMs: 600_000, ...overrides };
}

/** How one target sends alerts: `send` takes a batch of keys (one key a batch where the target takes one at a time). */
export interface AlertTarget {
  sink: WebhookSink;
  /** Alerts per send in the burst and in the paced phase. */
  burstBatch: number;
  pacedBatch: number;
  send(keys: readonly string[]): Promise<void>;
}

/** The rate of a burst: from the first send to the last alert's arrival. */
export interface BurstFigures {
  alertsPerSecond: number;
  seconds: number;
  missing: number;
}

/** The latency of a paced phase, per alert from just before its send to its arrival at the receiver. */
export interface PacedFigures {
  latency: LatencySummary;
  /** Alerts per second actually sent (the sender's timer is not exact). */
  sentPerSecond: number;
  missing: number;
  /** When each alert was sent, in wall-clock ms: for matching with what the target recorded itself. */
  sentAt: Map<string, number>;
}

const inBatches = (keys: readonly string[], size: number) => Array.from({ length: Math.ceil(keys.length / size) }, (_, b) => keys.slice(b * size, (b + 1) * size));

const WARM_UP_TIMEOUT_MS = 60_000;

/** Sends the warm-up and waits for it, so the measured phases start warm. */
export async function warmUp(target: AlertTarget, keys: readonly string[], workload: NotifyWorkload): Promise<void> {
  const batches = inBatches(keys, target.burstBatch);
  await windowed(batches.length, Math.max(1, Math.floor(workload.window / target.burstBatch)), (b) => target.send(batches[b]));
  // A target that delivers nothing (stuck) is told apart here, without waiting out the long timeout of the measured phases.
  const missing = await target.sink.waitFor(keys, Math.min(workload.arrivalTimeoutMs, WARM_UP_TIMEOUT_MS));
  if (missing.length > 0) throw new Error(`${missing.length} warm-up alert(s) never reached the receiver, e.g. ${missing[0]}`);
}

/** Sends `keys` as fast as `workload.window` alerts in flight allow; the rate runs until the last one arrived. */
export async function burst(target: AlertTarget, keys: readonly string[], workload: NotifyWorkload): Promise<BurstFigures> {
  const batches = inBatches(keys, target.burstBatch);
  const started = wallClockMs();
  await windowed(batches.length, Math.max(1, Math.floor(workload.window / target.burstBatch)), (b) => target.send(batches[b]));
  const missing = await target.sink.waitFor(keys, workload.arrivalTimeoutMs);
  const last = Math.max(...keys.map((key) => target.sink.arrivedAt.get(key) ?? -Infinity));
  const seconds = (last - started) / 1000;
  return { alertsPerSecond: (keys.length - missing.length) / seconds, seconds, missing: missing.length };
}

/** Sends `keys` at `workload.pacedPerSecond` (open loop: a slow target does not slow the sender) and times each to its arrival. */
export async function pacedPhase(target: AlertTarget, keys: readonly string[], workload: NotifyWorkload): Promise<PacedFigures> {
  const batches = inBatches(keys, target.pacedBatch);
  const sentAt = new Map<string, number>();
  const started = wallClockMs();
  await paced(batches.length, workload.pacedPerSecond / target.pacedBatch, (b) => {
    const now = wallClockMs();
    for (const key of batches[b]) sentAt.set(key, now);
    return target.send(batches[b]);
  });
  const sentPerSecond = keys.length / ((Math.max(...sentAt.values()) - started) / 1000);
  const missing = await target.sink.waitFor(keys, workload.arrivalTimeoutMs);
  const latencies = keys.filter((key) => target.sink.arrivedAt.has(key)).map((key) => target.sink.arrivedAt.get(key)! - sentAt.get(key)!);
  return { latency: summarise(latencies), sentPerSecond, missing: missing.length, sentAt };
}

/** The keys of one phase: incident references both targets carry, unique across phases so no alert is a repeat. */
export function phaseKeys(phase: 'warm' | 'burst' | 'paced', count: number): string[] {
  const base = { warm: 100_000, burst: 200_000, paced: 500_000 }[phase];
  return Array.from({ length: count }, (_, i) => `INC-2026-${String(base + i).padStart(6, '0')}`);
}
