import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '..', '..', 'scripts', 'nats-cluster.sh');
const DIR = '/tmp/vigil-nats-cluster';

/**
 * The local three-node JetStream cluster of scripts/nats-cluster.sh, for tests: the script is the
 * one place that knows how the nodes are started, so humans, CI and tests run the same cluster.
 */
export class LocalNatsCluster {
  /** Client URLs of the three nodes, comma-separated, as VIGIL_NATS_URL takes them. */
  readonly url = [1, 2, 3].map((n) => `nats://127.0.0.1:${14221 + n}`).join(',');

  /** Starts the nodes that are not running (all three, or one killed earlier) and waits for a meta leader; reports whether any node was up before (then the caller leaves the cluster running). */
  async start(): Promise<{ wasRunning: boolean }> {
    const before = await script('status');
    await script('start');
    return { wasRunning: before.includes('running') };
  }

  /** Stops the three nodes gracefully. */
  async stop(): Promise<void> {
    await script('stop');
  }

  /** Kills one node without warning (SIGKILL), as a crashed machine would go. */
  killNode(serverName: string): void {
    const n = /vigil-local-(\d)$/.exec(serverName)?.[1];
    if (!n) throw new Error(`${serverName} is not a node of the local cluster`);
    process.kill(Number(readFileSync(join(DIR, `node-${n}.pid`), 'utf8').trim()), 'SIGKILL');
  }
}

async function script(command: 'start' | 'stop' | 'status'): Promise<string> {
  return (await run('bash', [SCRIPT, command], { env: { ...process.env, VIGIL_NATS_CLUSTER_DIR: DIR } })).stdout;
}
