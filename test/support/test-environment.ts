import { randomBytes } from 'node:crypto';
import { connect, NatsConnection } from 'nats';
import { Client } from 'pg';
import { BusNamespace, provisionStreams, STREAMS } from '@vigil/bus';
import { PlatformConfig } from '@vigil/config';
import type { IngestOptions } from '../../apps/ingest/src/ingest.options';

const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const NATS_URL = 'nats://127.0.0.1:4222';

/** A private corner of the local NATS and Postgres for one test file: its own namespace and database. */
export interface TestEnvironment {
  namespace: string;
  databaseUrl: string;
  natsUrl: string;
  platform: PlatformConfig;
  /** Ingest with the DC-09 receiver on free loopback ports. */
  ingest: IngestOptions;
  /** Same settings as environment variables, for a child process. */
  env: Record<string, string>;
  /**
   * Creates every stream, as their producers would have on an earlier run: for a test that starts
   * an app without the app whose stream it reads (triage without ingest waits for CALLS).
   */
  provisionStreams(): Promise<void>;
  /** Drops the database and deletes the namespace's streams. */
  dispose(): Promise<void>;
}

/** Where the environment's streams live: the local NATS by default, or a cluster with replicated streams. */
export interface TestBus {
  natsUrl: string;
  streamReplicas: number;
}

/** Creates an isolated environment so test files run in parallel and twice in a row. */
export async function createTestEnvironment(
  label: string,
  bus: TestBus = { natsUrl: NATS_URL, streamReplicas: 1 },
): Promise<TestEnvironment> {
  const id = `${label.replace(/[^a-z0-9]/g, '').slice(0, 12)}${randomBytes(4).toString('hex')}`;
  const namespace = `t${id}`;
  const database = `vigil_test_${id}`;
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/${database}`;
  const platform: PlatformConfig = {
    demo: false,
    natsUrl: bus.natsUrl,
    busNamespace: namespace,
    databaseUrl,
    authSecret: 'test-secret-of-32-or-more-characters-0123456789',
    opsEndpoints: 'public',
    socketOrigins: [],
    logLevel: 'warn',
    logPretty: false,
    streamReplicas: bus.streamReplicas,
  };
  const ingest: IngestOptions = {
    databaseUrl,
    dc09: {
      host: '127.0.0.1',
      tcpPort: 0,
      udpPort: 0,
      unknownCodePolicy: 'duh',
      supervisionCheckMs: 30_000,
      idleTimeoutSeconds: 120,
      resendWindowSeconds: 300,
      accountCacheSeconds: 10,
    },
    gatewayHeartbeatSeconds: 30,
    supervisionTickMs: 5_000,
    gatewaySecrets: {},
  };
  return {
    namespace,
    databaseUrl,
    natsUrl: bus.natsUrl,
    platform,
    ingest,
    env: {
      VIGIL_NATS_URL: bus.natsUrl,
      VIGIL_STREAM_REPLICAS: String(bus.streamReplicas),
      VIGIL_BUS_NAMESPACE: namespace,
      VIGIL_DATABASE_URL: databaseUrl,
      VIGIL_AUTH_SECRET: platform.authSecret,
      VIGIL_OPS_ENDPOINTS: platform.opsEndpoints,
      VIGIL_LOG_LEVEL: 'warn',
      VIGIL_DC09_HOST: '127.0.0.1',
      VIGIL_DC09_TCP_PORT: '0',
      VIGIL_DC09_UDP_PORT: '0',
    },
    provisionStreams: async () => {
      const nc = await connect({ servers: bus.natsUrl });
      try {
        // As the apps do (BusConnection): a replicated stream waits for a quorum, and 5 s (the default) timed out on a loaded CI machine.
        await provisionStreams(await nc.jetstreamManager({ timeout: 15_000 }), new BusNamespace(namespace), Object.values(STREAMS), { replicas: bus.streamReplicas });
      } finally {
        await nc.close();
      }
    },
    dispose: async () => {
      await dropDatabase(database);
      await deleteStreams(bus.natsUrl, namespace);
    },
  };
}

async function dropDatabase(database: string): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function deleteStreams(natsUrl: string, namespace: string): Promise<void> {
  const nc: NatsConnection = await connect({ servers: natsUrl.split(',') });
  try {
    // Deleting a replicated stream waits for a quorum; a cluster that just lost a server may take longer than 5 s.
    const jsm = await nc.jetstreamManager({ timeout: 15_000 });
    const prefix = `${namespace.toUpperCase().replace(/-/g, '_')}_`;
    for await (const stream of jsm.streams.list()) {
      if (stream.config.name.startsWith(prefix)) await jsm.streams.delete(stream.config.name);
    }
  } finally {
    await nc.close();
  }
}
