import { AckPolicy, connect, JetStreamClient, JetStreamManager, nanos, NatsConnection } from 'nats';
import { BusNamespace, STREAMS } from '@vigil/bus';
import { SUBJECTS } from '@vigil/contracts';
import { DEFAULT_HEALTH_POLICY } from '../apps/faults/src/domain/health-policy';
import { StartedFaults, startFaults } from './start-faults';

/** The health watchdog's measurement: cameras, rounds of heartbeats, and the cameras whose video loss is timed to its ticket. */
export interface FaultsWorkload {
  cameras: number;
  /** Each camera's heartbeats in the run: cameras × rounds signals. */
  rounds: number;
  /** Registered cameras (each on its own site) that lose video after the heartbeat run. */
  videoLossCameras: number;
}

/** What the faults section reports. */
export interface FaultsResult {
  workload: FaultsWorkload;
  /** Raw JetStream: the same heartbeats published and read back by a pull consumer with explicit acks, no Vigil. */
  baselineSignalsPerSecond: number;
  /** Heartbeats published until the watchdog's consumer had every one acked. */
  signalsPerSecond: number;
  /** Heartbeats the stream stored (plain publishes are not retried): the count both rates are of. */
  signalsStored: number;
  cpuMsPerSignal: number;
  /** Peak resident memory of the faults process over the run, in MiB. */
  peakRssMiB: number | undefined;
  /** The policy's video-loss debounce: the part of the latency that is the design. */
  debounceMs: number;
  /** From each video-loss signal's publish to its ticket listed over REST, debounce included. */
  videoLossToTicketMs: number[];
}

/** 20,000 cameras (a national deployment's scale), five heartbeats each. */
export function benchFaultsWorkload(overrides: Partial<FaultsWorkload> = {}): FaultsWorkload {
  return { cameras: 20_000, rounds: 5, videoLossCameras: 3, ...overrides };
}

/** Publishes between flushes: the stream's writes, not the bench's publish acks, set the pace. */
const FLUSH_EVERY = 2_000;
const POLL_MS = 20;

/**
 * Publishes every camera's heartbeat, round after round, as a VMS would (plain publishes the
 * stream captures, flushed every {@link FLUSH_EVERY}): awaiting each publish's JetStream ack would
 * measure the bench's own round trips instead of the consumer.
 */
async function publishHeartbeats(nc: NatsConnection, subjectOf: (cameraId: string) => string, workload: FaultsWorkload): Promise<void> {
  for (let round = 0; round < workload.rounds; round++) {
    const occurredAt = new Date().toISOString();
    for (let i = 0; i < workload.cameras; i++) {
      const cameraId = cameraIdOf(i);
      nc.publish(subjectOf(cameraId), JSON.stringify({ vmsId: 'vms-bench', cameraId, siteId: `rs-${i % 200}`, occurredAt }));
      if (i % FLUSH_EVERY === FLUSH_EVERY - 1) await nc.flush();
    }
  }
  await nc.flush();
}

const cameraIdOf = (i: number) => `BN-${String(i).padStart(5, '0')}`;

/** Resolves once the consumer has acked everything in its stream up to `lastSeq`. */
async function drained(jsm: JetStreamManager, stream: string, durable: string, lastSeq: number): Promise<void> {
  for (;;) {
    const info = await jsm.consumers.info(stream, durable);
    if (info.ack_floor.stream_seq >= lastSeq && info.num_ack_pending === 0) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Raw JetStream, same payloads and publisher: a stream and a durable pull consumer acking each message. */
async function runBaseline(nc: NatsConnection, jsm: JetStreamManager, js: JetStreamClient, ns: BusNamespace, workload: FaultsWorkload): Promise<number> {
  const stream = ns.stream('BENCH_HEALTH_RAW');
  await jsm.streams.add({ name: stream, subjects: [ns.subject('bench.health.>')], max_age: nanos(3_600_000) });
  await jsm.consumers.add(stream, { durable_name: 'bench-health-raw', ack_policy: AckPolicy.Explicit, ack_wait: nanos(30_000) });
  const messages = await (await js.consumers.get(stream, 'bench-health-raw')).consume({ max_messages: 1_000 });
  void (async () => {
    for await (const msg of messages) msg.ack();
  })();
  const started = performance.now();
  await publishHeartbeats(nc, (cameraId) => ns.subject(`bench.health.${cameraId}`), workload);
  const stored = (await jsm.streams.info(stream)).state.last_seq;
  await drained(jsm, stream, 'bench-health-raw', stored);
  const seconds = (performance.now() - started) / 1_000;
  await messages.close();
  await jsm.streams.delete(stream);
  return stored / seconds;
}

/**
 * The baseline, then faults in its own process (default health policy) taking the same
 * heartbeats, then a few registered cameras losing video, each timed to its ticket.
 */
export async function runFaultsWatchdog(env: Record<string, string>, natsUrl: string, namespace: string, workload: FaultsWorkload): Promise<FaultsResult> {
  const nc = await connect({ servers: natsUrl, name: 'bench-faults' });
  const ns = new BusNamespace(namespace);
  // Long API timeouts: while the server is still storing the burst it answers slowly.
  const jsm = await nc.jetstreamManager({ timeout: 60_000 });
  const js = nc.jetstream({ timeout: 60_000 });
  try {
    const baselineSignalsPerSecond = await runBaseline(nc, jsm, js, ns, workload);
    const startedAt = Date.now();
    const faults = await startFaults(env);
    try {
      const stream = ns.stream(STREAMS.cameraHealth.name);
      const durable = await healthConsumerOf(jsm, stream, startedAt);
      const cpuBefore = faults.cpuMs();
      const started = performance.now();
      await publishHeartbeats(nc, (cameraId) => ns.subject(SUBJECTS.vms.cameraHealth('vms-bench', cameraId, 'heartbeat')), workload);
      // What the stream stored (a fresh namespace: every message is a heartbeat of this run) is what was handled.
      const signals = (await jsm.streams.info(stream)).state.last_seq;
      await drained(jsm, stream, durable, signals);
      const seconds = (performance.now() - started) / 1_000;
      const cpuMsPerSignal = (faults.cpuMs() - cpuBefore) / signals;
      const videoLossToTicketMs = await timeVideoLoss(faults, js, ns, workload);
      return {
        workload,
        baselineSignalsPerSecond,
        signalsPerSecond: signals / seconds,
        signalsStored: signals,
        cpuMsPerSignal,
        peakRssMiB: faults.peakRssMiB(),
        debounceMs: DEFAULT_HEALTH_POLICY.debounceMs['video-loss'],
        videoLossToTicketMs,
      };
    } finally {
      await faults.stop();
    }
  } finally {
    await nc.drain();
  }
}

/**
 * The watchdog consumer of the faults process started at `startedAt`. Each replica has its own, and
 * one left by the embedded Vigil measured before (same namespace) lingers until the server drops it.
 */
async function healthConsumerOf(jsm: JetStreamManager, stream: string, startedAt: number): Promise<string> {
  for await (const info of jsm.consumers.list(stream)) {
    if (info.name.startsWith('faults-camera-health-') && Date.parse(info.created) >= startedAt - 1_000) return info.name;
  }
  throw new Error('the faults process has no camera health consumer');
}

/** Registers the cameras (one site each, so no outage grouping), sends each a video loss, and polls the ticket list until each has its ticket. */
async function timeVideoLoss(faults: StartedFaults, js: JetStreamClient, ns: BusNamespace, workload: FaultsWorkload): Promise<number[]> {
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${faults.baseUrl}${path}`, { ...init, headers: { Authorization: `Bearer ${faults.operatorToken}`, 'content-type': 'application/json' } });
  const ids = Array.from({ length: workload.videoLossCameras }, (_, i) => cameraIdOf(i));
  for (const cameraId of ids) {
    const body = { cameraId, number: cameraId.slice(3), location: `Bench ${cameraId}`, partnerId: 'north-herts', clientName: null, town: 'Hitchin Town Centre', siteId: `bench-${cameraId}`, networkSegment: null, lat: 51.95, lon: -0.28, type: 'static', monitoring: 'pro-active', retentionDays: 28 };
    const response = await api('/api/cameras', { method: 'POST', body: JSON.stringify(body) });
    if (response.status !== 201) throw new Error(`could not register ${cameraId}: ${response.status} ${await response.text()}`);
  }
  const sentAt = new Map<string, number>();
  for (const cameraId of ids) {
    sentAt.set(cameraId, performance.now());
    await js.publish(ns.subject(SUBJECTS.vms.cameraHealth('vms-bench', cameraId, 'video-loss')), JSON.stringify({ vmsId: 'vms-bench', cameraId, siteId: 'rs-0', occurredAt: new Date().toISOString(), messageId: `bench-loss-${cameraId}` }));
  }
  const latencies = new Map<string, number>();
  const deadline = performance.now() + DEFAULT_HEALTH_POLICY.debounceMs['video-loss'] + 30_000;
  while (latencies.size < ids.length) {
    if (performance.now() > deadline) throw new Error(`no ticket for ${ids.filter((id) => !latencies.has(id)).join(', ')} within the debounce and 30 s`);
    const tickets = (await (await api('/api/tickets?board=open&limit=500')).json()) as { cameraIds: string[] }[];
    const now = performance.now();
    for (const ticket of tickets) for (const cameraId of ticket.cameraIds) if (sentAt.has(cameraId) && !latencies.has(cameraId)) latencies.set(cameraId, now - sentAt.get(cameraId)!);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return ids.map((id) => latencies.get(id)!);
}
