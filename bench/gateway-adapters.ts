import { connect, ConsumerMessages, DeliverPolicy, JetStreamClient } from 'nats';
import { BusNamespace, STREAMS } from '@vigil/bus';
import { SUBJECTS } from '@vigil/contracts';
import { ArrivalWatch, runPhases } from './phases';
import { StartedVigil } from './start-vigil';
import { PhaseResult, Workload } from './workload';

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
  // Each phase starts with triage caught up: its backlog shares the process and the CPUs with ingest.
  const result = await runPhases(
    workload,
    watch,
    async (label, i) => {
      const messageId = `${label}-${i}`;
      watch.expect(`${adapter.family}:${adapter.gatewayId}:${messageId}`);
      await js.publish(adapter.subject, JSON.stringify(adapter.body(messageId)), { msgID: `${adapter.gatewayId}:${messageId}` });
    },
    () => vigil.idle(),
  );
  const peakRssMiB = vigil.peakRssMiB();
  await vigil.idle();
  return { ...result, peakRssMiB };
}
