import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { signToken } from '@vigil/auth';
import { cpuMs, peakRssMiB, resetPeakRss, stopProcess } from './start-vigil';

const MAIN = join(__dirname, '..', 'apps', 'ingest', 'src', 'main.js');
const STARTUP_TIMEOUT_MS = 60_000;

/** Ingest alone in its own process, as it runs in production: the DC-09 receiver's home. */
export interface StartedIngest {
  baseUrl: string;
  policeToken: string;
  dc09: { tcp: number };
  /** Peak resident memory (VmHWM) of the ingest process since start-up or the last {@link resetPeakRss}. */
  peakRssMiB(): number | undefined;
  resetPeakRss(): void;
  /** CPU time (user + system) the ingest process has used so far, in ms: steadier than throughput on a busy machine. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/**
 * Spawns `dist/apps/ingest/src/main.js` with the test environment's settings, the DC-09 receiver
 * on a free TCP port (UDP off), and waits until it listens. With `cpuProfileDir`, node writes a
 * CPU profile there when the process stops (`node --cpu-prof`).
 */
export async function startIngest(env: Record<string, string>, options: { cpuProfileDir?: string } = {}): Promise<StartedIngest> {
  // Outside demo mode Vigil wants a secret of 32+ characters; the bench signs its own token with it.
  const authSecret = randomBytes(24).toString('base64url');
  const httpPort = await freePort();
  const flags = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [];
  const child = spawn(process.execPath, [...flags, MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      ...env,
      VIGIL_AUTH_SECRET: authSecret,
      VIGIL_INGEST_PORT: String(httpPort),
      VIGIL_DC09_HOST: '127.0.0.1',
      VIGIL_DC09_TCP_PORT: '0',
      VIGIL_DC09_UDP_PORT: 'off',
      VIGIL_LOG_LEVEL: 'log',
      VIGIL_LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let tcp: number;
  try {
    tcp = await readDc09Port(child);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  const pid = child.pid!;
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`bench failed: ingest exited during the run (${signal ?? `code ${code}`})\n`);
    process.exit(1);
  });
  return {
    baseUrl: `http://127.0.0.1:${httpPort}`,
    policeToken: signToken({ subject: 'bench', role: 'police' }, authSecret, 3600),
    dc09: { tcp },
    peakRssMiB: () => peakRssMiB(pid),
    resetPeakRss: () => resetPeakRss(pid),
    cpuMs: () => cpuMs(pid),
    stop: () => {
      stopping = true;
      return stopProcess(child);
    },
  };
}

/** Resolves with the receiver's TCP port once ingest has logged both it and its HTTP listener. */
function readDc09Port(child: ChildProcess): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let output = '';
    let port: number | undefined;
    let listening = false;
    const timer = setTimeout(() => reject(new Error(`ingest did not start within ${STARTUP_TIMEOUT_MS} ms: ${output}`)), STARTUP_TIMEOUT_MS);
    child.stdout!.on('data', (chunk: Buffer) => {
      // Read on after start-up too, or a full pipe would block ingest; only warnings and errors are shown.
      const text = chunk.toString();
      if (port !== undefined && listening) return void text.split('\n').filter((l) => /"level":"(warn|error)"/.test(l)).forEach((l) => process.stderr.write(`${l}\n`));
      output += text;
      port ??= Number(/"msg":"SIA DC-09 receiver listening"[^\n]*"tcp":(\d+)/.exec(output)?.[1] ?? NaN) || undefined;
      listening ||= output.includes('"msg":"ingest listening"');
      if (port !== undefined && listening) {
        clearTimeout(timer);
        resolve(port);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`ingest exited with ${code}: ${output}`));
    });
  });
}


function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
