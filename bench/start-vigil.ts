import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'nats';
import { signToken } from '@vigil/auth';
import { BusNamespace } from '@vigil/bus';

const MAIN = join(__dirname, '..', 'apps', 'embedded', 'src', 'main.js');
const STARTUP_TIMEOUT_MS = 60_000;
const IDLE_POLL_MS = 100;

/** Vigil running as `npm start` runs it, in its own process, shared by every Vigil measurement of a run. */
export interface StartedVigil {
  /** The printed dashboard address (no token: the demo mode that prints sign-in links is off). */
  dashboardUrl: URL;
  /** The HTTP server on the IPv4 loopback, which it listens on whatever name the printed link uses. */
  baseUrl: string;
  policeToken: string;
  dc09: { tcp: number; udp: number };
  /** Peak resident memory (VmHWM) since start-up or the last {@link resetPeakRss}. */
  peakRssMiB(): number | undefined;
  /** Starts a new peak-memory window, so each measurement reports its own peak. */
  resetPeakRss(): void;
  /** CPU time (user + system) the Vigil process has used so far, in ms: steadier than throughput on a busy machine. */
  cpuMs(): number;
  /** Resolves once every durable consumer in the namespace has nothing pending or unacknowledged. */
  idle(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** What the process prints once it is ready: the dashboard link and the DC-09 ports. */
interface Banner {
  dashboardUrl: URL;
  dc09: { tcp: number; udp: number };
}

/**
 * Spawns Vigil with the test environment's settings (demo feed off, free ports) and waits for its
 * banner. With `cpuProfileDir`, node writes a CPU profile there when Vigil stops (`node --cpu-prof`).
 */
export async function startVigil(env: Record<string, string>, natsUrl: string, namespace: string, options: { cpuProfileDir?: string } = {}): Promise<StartedVigil> {
  const flags = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [];
  const child = spawn(process.execPath, [...flags, MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env, VIGIL_DEMO: 'off', VIGIL_HTTP_PORT: '0', VIGIL_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let banner: Banner;
  try {
    banner = await readBanner(child);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  const { dashboardUrl, dc09 } = banner;
  const policeToken = signToken({ subject: 'bench-police', role: 'police' }, env.VIGIL_AUTH_SECRET, 24 * 3600);
  const pid = child.pid!;
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (stopping) return;
    // Every wait in the bench would hang on a dead Vigil; a crash is a failed run.
    process.stderr.write(`bench failed: vigil exited during the run (${signal ?? `code ${code}`})\n`);
    process.exit(1);
  });
  return {
    dashboardUrl,
    baseUrl: `http://127.0.0.1:${dashboardUrl.port || 80}`,
    policeToken,
    dc09,
    peakRssMiB: () => peakRssMiB(pid),
    resetPeakRss: () => resetPeakRss(pid),
    cpuMs: () => cpuMs(pid),
    idle: (timeoutMs = 60_000) => waitForIdleConsumers(natsUrl, namespace, timeoutMs),
    stop: () => {
      stopping = true;
      return stopProcess(child);
    },
  };
}

function readBanner(child: ChildProcess): Promise<Banner> {
  return new Promise<Banner>((resolve, reject) => {
    let output = '';
    let ready = false;
    const timer = setTimeout(() => reject(new Error(`vigil printed no banner within ${STARTUP_TIMEOUT_MS} ms: ${output}`)), STARTUP_TIMEOUT_MS);
    child.stdout!.on('data', (chunk: Buffer) => {
      // Still read after the banner, or a full pipe would block Vigil; its warnings are worth seeing.
      if (ready) return void process.stderr.write(chunk);
      output += chunk.toString();
      const dashboard = /Dashboard: (http:\/\/\S+)/.exec(output);
      const dc09 = /Alarm receiver \(SIA DC-09\): tcp (\S+), udp (\S+)/.exec(output);
      if (!dashboard || !dc09) return;
      ready = true;
      clearTimeout(timer);
      const [tcp, udp] = [Number(dc09[1]), Number(dc09[2])];
      if (!Number.isInteger(tcp) || !Number.isInteger(udp)) reject(new Error(`DC-09 receiver is not listening: ${dc09[0]}`));
      else resolve({ dashboardUrl: new URL(dashboard[1]), dc09: { tcp, udp } });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vigil exited with ${code}: ${output}`));
    });
  });
}

/** Peak resident memory (VmHWM) of a process, in MiB. */
export function peakRssMiB(pid: number): number | undefined {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : undefined;
}

/** CPU time (user + system) a process has used, in ms: fields 14 and 15 of /proc/<pid>/stat, counted after the ")" that ends the command name, in clock ticks (100 Hz on Linux). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Starts a new peak window: writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+). */
export function resetPeakRss(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/**
 * Work a measurement leaves behind (triage still filing calls, the outbox still relaying) would
 * otherwise load the machine during the next measurement; this waits for it to finish.
 */
async function waitForIdleConsumers(natsUrl: string, namespace: string, timeoutMs: number): Promise<void> {
  const nc = await connect({ servers: natsUrl, name: 'bench-idle' });
  try {
    const jsm = await nc.jetstreamManager();
    const prefix = new BusNamespace(namespace).stream('');
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const busy: string[] = [];
      for await (const stream of jsm.streams.list()) {
        if (!stream.config.name.startsWith(prefix)) continue;
        for await (const consumer of jsm.consumers.list(stream.config.name)) {
          if (!consumer.config.durable_name) continue;
          const backlog = consumer.num_pending + consumer.num_ack_pending;
          if (backlog > 0) busy.push(`${consumer.name}: ${backlog}`);
        }
      }
      if (busy.length === 0) return;
      if (performance.now() > deadline) throw new Error(`vigil still busy after ${timeoutMs} ms (${busy.join(', ')})`);
      await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
    }
  } finally {
    await nc.close();
  }
}

/** Stops a child process with SIGTERM and waits for it to exit. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
