import { connect, ConsumerMessages, DeliverPolicy, JetStreamClient } from 'nats';
import { BusNamespace, STREAMS } from '@vigil/bus';
import { SUBJECTS } from '@vigil/contracts';
import { paced, windowed } from './paced';
import { StartedVigil } from './start-vigil';
import { LatencySummary, summarise } from './stats';
import { PhaseResult, Workload } from './workload';

/** A call that has not reached the CALLS stream this long after the last send fails the run. */
const ARRIVAL_TIMEOUT_MS = 60_000;

/** The two radio gateway adapters, each measured from the gateway's publish to its call on CALLS. */
export interface GatewayAdapterResults {
  townlink: PhaseResult;
  airwave: PhaseResult;
}

/** One gateway family as the bench publishes it. */
interface Adapter {
  family: 'townlink' | 'airwave';
  gatewayId: string;
  subject: string;
  body(messageId: string): unknown;
}

/** Calls waiting to be seen on CALLS, keyed by the callKey ingest derives from the gateway's message. */
class ArrivalWatch {
  private readonly sentAt = new Map<string, number>();
  private readonly latencies: number[] = [];
  private waiter?: { resolve: () => void };

  expect(callKey: string): void {
    this.sentAt.set(callKey, performance.now());
  }

  arrived(callKey: string): void {
    const start = this.sentAt.get(callKey);
    if (start === undefined) return;
    this.sentAt.delete(callKey);
    this.latencies.push(performance.now() - start);
    if (this.sentAt.size === 0) this.waiter?.resolve();
  }

  /** Resolves when every expected call has arrived; fails naming one that did not. */
  async allArrived(): Promise<LatencySummary> {
    if (this.sentAt.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve, reject) => {
        this.waiter = { resolve };
        timer = setTimeout(() => {
          const [first] = this.sentAt.keys();
          reject(new Error(`${this.sentAt.size} call(s) not on CALLS within ${ARRIVAL_TIMEOUT_MS} ms, e.g. ${first}`));
        }, ARRIVAL_TIMEOUT_MS);
      }).finally(() => clearTimeout(timer));
    }
    const summary = summarise(this.latencies);
    this.latencies.length = 0;
    this.waiter = undefined;
    return summary;
  }
}

/**
 * Town Link member calls and Airwave SDS published as their gateways would, each until ingest
 * has published its call to the CALLS stream, read by an ordered consumer in this process. The
 * same workload as the raw JetStream baseline; triage's backlog is let drain before and after.
 */
export async function runGatewayAdapters(vigil: StartedVigil, natsUrl: string, namespace: string, workload: Workload): Promise<GatewayAdapterResults> {
  const ns = new BusNamespace(namespace);
  const nc = await connect({ servers: natsUrl, name: 'bench-gateways' });
  const watch = new ArrivalWatch();
  const calls = await watchCalls(nc.jetstream(), ns, watch);
  try {
    const townlink: Adapter = {
      family: 'townlink',
      gatewayId: 'bench-tl',
      subject: ns.subject(SUBJECTS.townlink.memberCall('bench-tl')),
      body: (messageId) => workload.townlinkPayload(messageId, 'bench-tl'),
    };
    const airwave: Adapter = {
      family: 'airwave',
      gatewayId: 'bench-aw',
      subject: ns.subject(SUBJECTS.airwave.sds('bench-aw')),
      body: (messageId) => workload.payload(messageId, 'bench-aw'),
    };
    const js = nc.jetstream();
    return {
      townlink: await measureAdapter(vigil, js, townlink, watch, workload),
      airwave: await measureAdapter(vigil, js, airwave, watch, workload),
    };
  } finally {
    await calls.close();
    await nc.drain();
  }
}

/** Reads every call published from now on and reports its callKey to the watch. */
async function watchCalls(js: JetStreamClient, ns: BusNamespace, watch: ArrivalWatch): Promise<ConsumerMessages> {
  const stream = ns.stream(STREAMS.calls.name);
  const { state } = await (await js.jetstreamManager()).streams.info(stream);
  const consumer = await js.consumers.get(stream, {
    // One subject as a string: the local server (2.9) predates `filter_subjects`.
    filterSubjects: ns.subject(SUBJECTS.calls),
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: state.last_seq + 1,
  });
  const messages = await consumer.consume();
  void (async () => {
    for await (const msg of messages) {
      const envelope = msg.json<{ data?: { callKey?: string } }>();
      if (envelope.data?.callKey) watch.arrived(envelope.data.callKey);
    }
  })();
  return messages;
}

async function measureAdapter(vigil: StartedVigil, js: JetStreamClient, adapter: Adapter, watch: ArrivalWatch, workload: Workload): Promise<PhaseResult> {
  vigil.resetPeakRss();
  const run = async (label: string, count: number, send: (count: number, one: (i: number) => Promise<void>) => Promise<void>) => {
    const start = performance.now();
    await send(count, async (i) => {
      const messageId = `${label}-${i}`;
      watch.expect(`${adapter.family}:${adapter.gatewayId}:${messageId}`);
      await js.publish(adapter.subject, JSON.stringify(adapter.body(messageId)), { msgID: `${adapter.gatewayId}:${messageId}` });
    });
    const latency = await watch.allArrived();
    return { seconds: (performance.now() - start) / 1000, latency };
  };

  // Each phase starts with triage caught up: its backlog shares the process and the CPUs with ingest.
  await run('warm', workload.warmup, (n, one) => windowed(n, workload.window, one));
  await vigil.idle();
  const burst = await run('burst', workload.burst, (n, one) => windowed(n, workload.window, one));
  await vigil.idle();
  const steady = await run('steady', workload.steadyCount, (n, one) => paced(n, workload.steadyPerSecond, one));
  const peakRssMiB = vigil.peakRssMiB();
  await vigil.idle();
  return { callsPerSecond: workload.burst / burst.seconds, burstLatency: burst.latency, steadyLatency: steady.latency, peakRssMiB };
}
