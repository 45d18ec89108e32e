import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../test/support/free-port';
import { cpuMs, peakRssMiB, stopProcess } from './start-vigil';

/** Where Debian's prometheus-alertmanager package puts the binary. */
export const ALERTMANAGER_BIN = '/usr/bin/prometheus-alertmanager';
const STARTUP_TIMEOUT_MS = 30_000;

/** Alertmanager in its own process, configured as the bench configures notify. */
export interface StartedAlertmanager {
  baseUrl: string;
  /** The first line of `--version`, e.g. "alertmanager, version 0.25.0 (…)". */
  version: string;
  peakRssMiB(): number | undefined;
  cpuMs(): number;
  stop(): Promise<void>;
}

/** The Alertmanager twin of notify's bench routing: one group per alert, sent at once, the first notification only. */
export function alertmanagerConfig(webhookUrl: string): string {
  return `route:
  receiver: bench
  group_by: ['...']
  group_wait: 0s
  group_interval: 1m
  repeat_interval: 24h
receivers:
  - name: bench
    webhook_configs:
      - url: ${JSON.stringify(webhookUrl)}
        send_resolved: false
`;
}

/** Whether the baseline can run on this machine. */
export const alertmanagerInstalled = () => existsSync(ALERTMANAGER_BIN);

/**
 * Spawns Alertmanager on a free loopback port with its own storage directory and clustering off
 * (an empty cluster listen address, so no gossip and no peer wait before a notification), and
 * waits until `/-/ready` answers.
 */
export async function startAlertmanager(webhookUrl: string): Promise<StartedAlertmanager> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-alertmanager-'));
  writeFileSync(join(dir, 'alertmanager.yml'), alertmanagerConfig(webhookUrl));
  const port = await freePort();
  const version = execFileSync(ALERTMANAGER_BIN, ['--version'], { encoding: 'utf8' }).split('\n')[0];
  const child = spawn(
    ALERTMANAGER_BIN,
    [`--config.file=${join(dir, 'alertmanager.yml')}`, `--storage.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address='],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // Alertmanager logs (logfmt) to stderr; only its warnings and errors are worth showing.
  child.stderr!.on('data', (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter((line) => /level=(warn|error)/.test(line))
      .forEach((line) => process.stderr.write(`alertmanager: ${line}\n`)),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopProcess(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await ready(baseUrl, () => child.exitCode !== null);
  } catch (error) {
    await stop();
    throw error;
  }
  const pid = child.pid!;
  return { baseUrl, version, peakRssMiB: () => peakRssMiB(pid), cpuMs: () => cpuMs(pid), stop };
}

async function ready(baseUrl: string, exited: () => boolean): Promise<void> {
  const deadline = performance.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (exited()) throw new Error('alertmanager exited during start-up');
    const answer = await fetch(`${baseUrl}/-/ready`).catch(() => undefined);
    if (answer?.ok) return;
    if (performance.now() > deadline) throw new Error(`alertmanager was not ready within ${STARTUP_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
