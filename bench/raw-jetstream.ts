import { AckPolicy, connect, nanos } from 'nats';
import { BusNamespace } from '@vigil/bus';
import { paced, windowed } from './paced';
import { summarise } from './stats';
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

  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let received = 0;
  let waiter: (() => void) | undefined;
  let target = 0;
  const messages = await (await js.consumers.get(stream, 'bench-raw')).consume({ max_messages: 512 });
  void (async () => {
    for await (const msg of messages) {
      const { messageId } = JSON.parse(new TextDecoder().decode(msg.data)) as { messageId: string };
      msg.ack();
      const start = sentAt.get(messageId);
      if (start !== undefined) latencies.push(performance.now() - start);
      if (++received >= target) waiter?.();
    }
  })();

  const run = async (label: string, count: number, send: (count: number, one: (i: number) => Promise<void>) => Promise<void>) => {
    latencies.length = 0;
    received = 0;
    target = count;
    const done = new Promise<void>((resolve) => (waiter = resolve));
    const start = performance.now();
    await send(count, async (i) => {
      const payload = workload.payload(`${label}-${i}`);
      sentAt.set(payload.messageId, performance.now());
      await js.publish(ns.subject('bench.raw.sds'), JSON.stringify(payload), { msgID: payload.messageId });
    });
    await done;
    return { seconds: (performance.now() - start) / 1000, latency: summarise(latencies) };
  };

  await run('warm', workload.warmup, (n, one) => windowed(n, workload.window, one));
  const burst = await run('burst', workload.burst, (n, one) => windowed(n, workload.window, one));
  const steady = await run('steady', workload.steadyCount, (n, one) => paced(n, workload.steadyPerSecond, one));
  await messages.close();
  await nc.drain();
  return { callsPerSecond: workload.burst / burst.seconds, burstLatency: burst.latency, steadyLatency: steady.latency };
}
