import { AckPolicy, connect, nanos } from 'nats';
import { BusNamespace } from '@vigil/bus';
import { ArrivalWatch, runPhases } from './phases';
import { PhaseResult, Workload } from './workload';

/**
 * The baseline: the same gateway payloads published to a JetStream stream and read back by a
 * durable pull consumer with explicit acks, in one process, with no Vigil service in between.
 */
export async function runRawJetStream(natsUrl: string, namespace: string, workload: Workload): Promise<PhaseResult> {
  const nc = await connect({ servers: natsUrl, name: 'bench-raw' });
  const ns = new BusNamespace(namespace);
  const jsm = await nc.jetstreamManager();
  const stream = ns.stream('BENCH_RAW');
  await jsm.streams.add({ name: stream, subjects: [ns.subject('bench.raw.>')], duplicate_window: nanos(60_000) });
  await jsm.consumers.add(stream, { durable_name: 'bench-raw', ack_policy: AckPolicy.Explicit, ack_wait: nanos(30_000) });
  const js = nc.jetstream();

  const watch = new ArrivalWatch();
  const messages = await (await js.consumers.get(stream, 'bench-raw')).consume({ max_messages: 512 });
  void (async () => {
    for await (const msg of messages) {
      msg.ack();
      watch.arrived((JSON.parse(new TextDecoder().decode(msg.data)) as { messageId: string }).messageId);
    }
  })();

  const result = await runPhases(workload, watch, async (label, i) => {
    const payload = workload.payload(`${label}-${i}`);
    watch.expect(payload.messageId);
    await js.publish(ns.subject('bench.raw.sds'), JSON.stringify(payload), { msgID: payload.messageId });
  });
  await messages.close();
  await nc.drain();
  return result;
}
