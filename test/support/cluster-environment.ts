import { connect, NatsConnection } from 'nats';
import { LocalNatsCluster } from './nats-cluster';
import { createTestEnvironment, TestEnvironment } from './test-environment';

/** A test environment whose streams are R3 on the local three-node cluster, and a client that rides out a node's loss. */
export interface ClusterEnvironment {
  env: TestEnvironment;
  /** Reconnects for ever: the test kills the server it may be talking to. */
  nc: NatsConnection;
  /** Kills one node without warning (SIGKILL), as a crashed machine would go. */
  killNode(serverName: string): void;
  /**
   * Closes the client and drops the environment, then brings back a node killed meanwhile and
   * stops the cluster if this environment started it.
   */
  dispose(): Promise<void>;
}

/** Starts the local cluster if it is not running (one that was is left running) and creates an environment on it. */
export async function createClusterEnvironment(label: string): Promise<ClusterEnvironment> {
  const cluster = new LocalNatsCluster();
  const startedCluster = !(await cluster.start()).wasRunning;
  let env: TestEnvironment | undefined;
  let nc: NatsConnection | undefined;
  const dispose = async () => {
    await nc?.close();
    try {
      // While the killed server is still down: two of three keep the quorum a delete needs.
      await env?.dispose();
    } finally {
      // Bring the killed server back, so later runs find all three; stop them all if this started them.
      await cluster.start();
      if (startedCluster) await cluster.stop();
    }
  };
  try {
    env = await createTestEnvironment(label, { natsUrl: cluster.url, streamReplicas: 3 });
    nc = await connect({ servers: cluster.url.split(','), maxReconnectAttempts: -1 });
    return { env, nc, killNode: (serverName) => cluster.killNode(serverName), dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
