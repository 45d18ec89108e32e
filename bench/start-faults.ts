import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { signToken } from '@vigil/auth';
import { freePort } from '../test/support/free-port';
import { cpuMs, peakRssMiB, stopProcess } from './start-vigil';

const MAIN = join(__dirname, '..', 'apps', 'faults', 'src', 'main.js');
const STARTUP_TIMEOUT_MS = 60_000;

/** Faults alone in its own process, with its health watchdog consuming CAMERA_HEALTH. */
export interface StartedFaults {
  baseUrl: string;
  operatorToken: string;
  peakRssMiB(): number | undefined;
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Spawns `dist/apps/faults/src/main.js` and waits until its health consumer is pulling. */
export async function startFaults(env: Record<string, string>): Promise<StartedFaults> {
  const authSecret = randomBytes(24).toString('base64url');
  const httpPort = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env, VIGIL_AUTH_SECRET: authSecret, VIGIL_FAULTS_PORT: String(httpPort), VIGIL_LOG_LEVEL: 'log', VIGIL_LOG_FORMAT: 'json' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    let ready = false;
    const timer = setTimeout(() => reject(new Error(`faults did not start within ${STARTUP_TIMEOUT_MS} ms: ${output}`)), STARTUP_TIMEOUT_MS);
    child.stdout!.on('data', (chunk: Buffer) => {
      // Read on after start-up too, or a full pipe would block faults; only warnings and errors are shown.
      const text = chunk.toString();
      if (ready) return void text.split('\n').filter((l) => /"level":"(warn|error)"/.test(l)).forEach((l) => process.stderr.write(`${l}\n`));
      output += text;
      if (/"msg":"consuming"[^\n]*faults-camera-health-/.test(output)) {
        ready = true;
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`faults exited with ${code}: ${output}`));
    });
  });
  const pid = child.pid!;
  return {
    baseUrl: `http://127.0.0.1:${httpPort}`,
    operatorToken: signToken({ subject: 'bench', role: 'operator' }, authSecret, 3600),
    peakRssMiB: () => peakRssMiB(pid),
    cpuMs: () => cpuMs(pid),
    stop: () => stopProcess(child),
  };
}
