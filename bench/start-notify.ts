import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuMs, peakRssMiB } from './start-vigil';

const MAIN = join(__dirname, '..', 'apps', 'notify', 'src', 'main.js');
const STARTUP_TIMEOUT_MS = 60_000;
/** Notify waits for its handlers on SIGTERM; a handler that never finishes (a stuck pool) would hold the bench for ever. */
const STOP_TIMEOUT_MS = 15_000;

/** The environment variable holding the bench webhook's secret (notify takes only names ending in WEBHOOK_SECRET). */
export const BENCH_WEBHOOK_SECRET_NAME = 'BENCH_WEBHOOK_SECRET';

/** Notify alone in its own process, consuming INCIDENTS with the bench's routing. */
export interface StartedNotify {
  peakRssMiB(): number | undefined;
  cpuMs(): number;
  /** SIGTERM, then SIGKILL if it has not exited within {@link STOP_TIMEOUT_MS}; says which it took. */
  stop(): Promise<'stopped' | 'killed'>;
}

/**
 * Every incident that needs police (grade 1 or 2) to one webhook, one group per alert (`...`)
 * flushed at once (group wait 0), no escalation: the first notification only, as the
 * Alertmanager baseline is configured.
 */
export function benchRouting(webhookUrl: string) {
  return {
    receivers: [{ name: 'police', role: 'police-control-room', channels: [{ type: 'webhook', url: webhookUrl, secretRef: BENCH_WEBHOOK_SECRET_NAME }] }],
    root: 'everything',
    rules: [
      // The root takes no matchers; nothing but grade 1 incidents arrives in the bench, so everything goes down the police route.
      { name: 'everything', receiver: 'police', routes: ['police-incidents'] },
      { name: 'police-incidents', matchers: [{ label: 'police', equals: 'needed' }], receiver: 'police', groupBy: ['...'], groupWait: '0s', groupInterval: '1m', repeatInterval: '24h' },
    ],
  };
}

/**
 * Spawns `dist/apps/notify/src/main.js` with the routing in a file and the webhook secret in the
 * environment, and waits until it logs that it listens (its consumers are pulling by then). It
 * logs at its default level, as deployed: one line per delivery is part of its cost.
 */
export async function startNotify(env: Record<string, string>, webhookUrl: string, secret: string, options: { cpuProfileDir?: string } = {}): Promise<StartedNotify> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-notify-'));
  const routingFile = join(dir, 'routing.json');
  writeFileSync(routingFile, JSON.stringify(benchRouting(webhookUrl)));
  const flags = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [];
  const child = spawn(process.execPath, [...flags, MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env, VIGIL_NOTIFY_PORT: '0', VIGIL_NOTIFY_ROUTING_FILE: routingFile, [BENCH_WEBHOOK_SECRET_NAME]: secret, VIGIL_LOG_LEVEL: 'log', VIGIL_LOG_FORMAT: 'json' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    let ready = false;
    const timer = setTimeout(() => reject(new Error(`notify did not start within ${STARTUP_TIMEOUT_MS} ms: ${output}`)), STARTUP_TIMEOUT_MS);
    child.stdout!.on('data', (chunk: Buffer) => {
      // Read on after start-up too, or a full pipe would block notify; only warnings and errors are shown.
      const text = chunk.toString();
      if (ready) return void text.split('\n').filter((l) => /"level":"(warn|error)"/.test(l)).forEach((l) => process.stderr.write(`${l}\n`));
      output += text;
      if (output.includes('"msg":"notify listening"')) {
        ready = true;
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`notify exited with ${code}: ${output}`));
    });
  });
  const pid = child.pid!;
  return {
    peakRssMiB: () => peakRssMiB(pid),
    cpuMs: () => cpuMs(pid),
    stop: async () => {
      const how = await stopWithin(child, STOP_TIMEOUT_MS);
      rmSync(dir, { recursive: true, force: true });
      return how;
    },
  };
}

async function stopWithin(child: ChildProcess, timeoutMs: number): Promise<'stopped' | 'killed'> {
  if (child.exitCode !== null || child.signalCode !== null) return 'stopped';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
  const first = await Promise.race([exited, late]);
  clearTimeout(timer);
  if (first !== 'late') return 'stopped';
  process.stderr.write(`notify did not stop within ${timeoutMs} ms of SIGTERM: killed\n`);
  child.kill('SIGKILL');
  await exited;
  return 'killed';
}
