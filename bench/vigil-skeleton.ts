import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'nats';
import { io } from 'socket.io-client';
import { BusNamespace } from '@vigil/bus';
import { IncidentPush, SOCKET_EVENTS, SUBJECTS } from '@vigil/contracts';
import { paced, windowed } from './paced';
import { summarise } from './stats';
import { PhaseResult, Workload } from './workload';

const MAIN = join(__dirname, '..', 'apps', 'embedded', 'src', 'main.js');

function peakRssMiB(pid: number): number | undefined {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : undefined;
}

/**
 * Vigil as `npm start` runs it, in its own process: this process publishes as the Airwave gateway
 * and measures until a police dashboard socket receives each incident.
 */
export async function runVigilSkeleton(env: Record<string, string>, natsUrl: string, namespace: string, workload: Workload): Promise<PhaseResult> {
  const vigil = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env, VIGIL_DEMO: 'off', VIGIL_HTTP_PORT: '0', VIGIL_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const dashboardUrl = await new Promise<string>((resolve, reject) => {
      let output = '';
      vigil.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Dashboard: (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1]);
      });
      vigil.once('exit', (code) => reject(new Error(`vigil exited with ${code}: ${output}`)));
    });
    const url = new URL(dashboardUrl);
    const socket = io(url.origin, { auth: { token: url.searchParams.get('token') }, transports: ['websocket'] });
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
    const rss = peakRssMiB(vigil.pid!);
    socket.disconnect();
    await nc.drain();
    return { callsPerSecond: workload.burst / burst.seconds, burstLatency: burst.latency, steadyLatency: steady.latency, peakRssMiB: rss };
  } finally {
    vigil.kill('SIGTERM');
    await new Promise((resolve) => (vigil.exitCode !== null ? resolve(null) : vigil.once('exit', resolve)));
  }
}
