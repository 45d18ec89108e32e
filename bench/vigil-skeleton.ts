import { connect } from 'nats';
import { io } from 'socket.io-client';
import { BusNamespace } from '@vigil/bus';
import { IncidentPush, SOCKET_EVENTS, SUBJECTS } from '@vigil/contracts';
import { paced, windowed } from './paced';
import { StartedVigil } from './start-vigil';
import { summarise } from './stats';
import { PhaseResult, Workload } from './workload';

/**
 * Vigil as `npm start` runs it, in its own process: this process publishes as the Airwave gateway
 * and measures until a police dashboard socket receives each incident. Run first on a fresh
 * Vigil, so its peak memory counts from start-up as it always has.
 */
export async function runVigilSkeleton(vigil: StartedVigil, natsUrl: string, namespace: string, workload: Workload): Promise<PhaseResult> {
  const socket = io(vigil.baseUrl, { auth: { token: vigil.policeToken }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });

  const nc = await connect({ servers: natsUrl, name: 'bench-gateway' });
  const js = nc.jetstream();
  const subject = new BusNamespace(namespace).subject(SUBJECTS.airwave.sds('bench-gw'));
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let received = 0;
  let target = 0;
  let waiter: (() => void) | undefined;
  socket.on(SOCKET_EVENTS.incidentOpened, (incident: IncidentPush) => {
    const messageId = /^\[([^\]]+)\]/.exec(incident.summary)?.[1];
    const start = messageId ? sentAt.get(messageId) : undefined;
    if (start !== undefined) latencies.push(performance.now() - start);
    if (++received >= target) waiter?.();
  });

  const run = async (label: string, count: number, send: (count: number, one: (i: number) => Promise<void>) => Promise<void>) => {
    latencies.length = 0;
    received = 0;
    target = count;
    const done = new Promise<void>((resolve) => (waiter = resolve));
    const start = performance.now();
    await send(count, async (i) => {
      const payload = workload.payload(`${label}-${i}`);
      sentAt.set(payload.messageId, performance.now());
      await js.publish(subject, JSON.stringify(payload), { msgID: `bench-gw:${payload.messageId}` });
    });
    await done;
    return { seconds: (performance.now() - start) / 1000, latency: summarise(latencies) };
  };

  await run('warm', workload.warmup, (n, one) => windowed(n, workload.window, one));
  const burst = await run('burst', workload.burst, (n, one) => windowed(n, workload.window, one));
  const steady = await run('steady', workload.steadyCount, (n, one) => paced(n, workload.steadyPerSecond, one));
  const rss = vigil.peakRssMiB();
  socket.disconnect();
  await nc.drain();
  return { callsPerSecond: workload.burst / burst.seconds, burstLatency: burst.latency, steadyLatency: steady.latency, peakRssMiB: rss };
}
