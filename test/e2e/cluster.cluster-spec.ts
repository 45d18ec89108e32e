import { NatsConnection } from 'nats';
import { io, Socket } from 'socket.io-client';
import { signToken } from '@vigil/auth';
import { BusNamespace, STREAMS } from '@vigil/bus';
import { IncidentPush, SOCKET_EVENTS } from '@vigil/contracts';
import { ChildApp, ClusterEnvironment, createClusterEnvironment, eventually, freePort, sql, TestAirwaveGateway, TestEnvironment } from '@vigil/testing';

const CALLS = 300;
/** The failures land once this many calls are acknowledged: mid-burst, with work in flight everywhere. */
const KILL_AFTER_ACKS = 100;
const IN_FLIGHT = 16;
const GATEWAY_ID = 'gw-cluster';

async function dashboardClient(url: string, token: string): Promise<{ socket: Socket; received: IncidentPush[] }> {
  const received: IncidentPush[] = [];
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false });
  socket.on(SOCKET_EVENTS.incidentOpened, (incident: IncidentPush) => received.push(incident));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, received };
}

async function tableCount(databaseUrl: string, table: string): Promise<number> {
  const [{ t }] = await sql<{ t: string | null }>(databaseUrl, `SELECT to_regclass('${table}') AS t`);
  if (!t) return 0;
  const [{ n }] = await sql<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n FROM ${table}`);
  return n;
}

describe('a cluster losing a NATS node and a replica of ingest and of triage mid-burst', () => {
  let cluster: ClusterEnvironment;
  let env: TestEnvironment;
  let nc: NatsConnection;
  let gateway: TestAirwaveGateway;
  let dashboardSocket: Socket | undefined;
  const apps: ChildApp[] = [];

  beforeAll(async () => {
    cluster = await createClusterEnvironment('cluster');
    ({ env, nc } = cluster);
    await env.provisionStreams(); // FAULTS, which triage reads for recording gaps, is made by faults, not started here
  }, 30_000);

  afterAll(async () => {
    dashboardSocket?.disconnect();
    await Promise.all(apps.map((app) => app.kill()));
    await gateway?.close();
    await cluster?.dispose();
  }, 60_000);

  it('turns every acknowledged call into exactly one incident and one dashboard push', async () => {
    const ingest = [new ChildApp('ingest', env.env), new ChildApp('ingest', env.env)];
    const triage = [new ChildApp('triage', env.env), new ChildApp('triage', env.env)];
    const dashboardPort = await freePort();
    const dashboard = new ChildApp('dashboard', env.env, dashboardPort);
    apps.push(...ingest, ...triage, dashboard);
    // Replicas start together, as a Deployment's pods do.
    await Promise.all(apps.map((app) => app.start()));

    const jsm = await nc.jetstreamManager();
    const ns = new BusNamespace(env.namespace);
    // Every stream the running apps produce into (ingest's four, triage's INCIDENTS), each made R3 by its producer.
    for (const stream of [STREAMS.gateway, STREAMS.calls, STREAMS.sources, STREAMS.deadLetters, STREAMS.incidents]) {
      expect((await jsm.streams.info(ns.stream(stream.name))).config.num_replicas).toBe(3);
    }

    const client = await dashboardClient(
      `http://127.0.0.1:${dashboardPort}`,
      signToken({ subject: 'pc-cluster', role: 'police' }, env.platform.authSecret, 3600),
    );
    dashboardSocket = client.socket;
    gateway = await TestAirwaveGateway.connect(env.natsUrl, env.namespace, GATEWAY_ID);

    // The node that leads the gateway stream is the one whose loss hurts publishers most.
    const gatewayLeader = (await jsm.streams.info(ns.stream(STREAMS.gateway.name))).cluster?.leader;
    expect(gatewayLeader).toMatch(/^vigil-local-\d$/);

    let acked = 0;
    let ackedFirstTime = 0;
    let failures: Promise<void> | undefined;
    const failMidBurst = async () => {
      cluster.killNode(gatewayLeader!);
      await Promise.all([ingest[0].kill(), triage[0].kill()]);
    };
    // A gateway resends an unacknowledged call with the same message id until JetStream stores it.
    const publish = async (i: number) => {
      const sds = gateway.sds(`c-${i}`, `Call ${i}: suspicious male in Potters Bar`);
      let attempts = 0;
      await eventually(
        async () => {
          attempts += 1;
          await gateway.publishSds(sds);
        },
        { timeoutMs: 45_000, intervalMs: 200 },
      );
      acked += 1;
      if (attempts === 1) ackedFirstTime += 1;
      if (acked === KILL_AFTER_ACKS) failures = failMidBurst();
    };
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < CALLS) await publish(next++);
      }),
    );
    await failures;

    await eventually(async () => expect(await tableCount(env.databaseUrl, 'triage.incident')).toBe(CALLS), {
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    const [calls] = await sql<{ n: number; keys: number; expected: number }>(
      env.databaseUrl,
      `SELECT count(*)::int AS n, count(DISTINCT call_key)::int AS keys,
              count(*) FILTER (WHERE call_key = ANY($1))::int AS expected FROM triage.call`,
      [Array.from({ length: CALLS }, (_, i) => `airwave:${GATEWAY_ID}:c-${i}`)],
    );
    expect(calls).toEqual({ n: CALLS, keys: CALLS, expected: CALLS });
    const [incidents] = await sql<{ n: number; summaries: number }>(
      env.databaseUrl,
      'SELECT count(*)::int AS n, count(DISTINCT summary)::int AS summaries FROM triage.incident',
    );
    expect(incidents).toEqual({ n: CALLS, summaries: CALLS });

    // Triage announced every incident once (its outbox drained into the stream), before asking whether the dashboard pushed them.
    await eventually(
      async () => {
        const [{ n }] = await sql<{ n: number }>(env.databaseUrl, 'SELECT count(*)::int AS n FROM triage.outbox WHERE published_at IS NULL');
        expect({ unpublished: n, announced: (await jsm.streams.info(ns.stream(STREAMS.incidents.name))).state.messages }).toEqual({
          unpublished: 0,
          announced: CALLS,
        });
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    // The dashboard's ordered consumer is a single copy on one server. When that server is the one
    // killed, nats.js never recreates it (asking for it times out rather than saying it is gone);
    // the dashboard's feed watchdog resubscribes within seconds: pushes arrive late, none missing.
    const announcedAt = Date.now();
    await eventually(() => expect(client.received).toHaveLength(CALLS), { timeoutMs: 60_000, intervalMs: 250 }).catch((error: Error) => {
      const warnings = dashboard.output.join('').split('\n').filter((line) => /"level":"(warn|error)"/.test(line));
      throw new Error(`${error.message}\ndashboard warnings:\n${warnings.join('\n')}`);
    });
    const pushLagMs = Date.now() - announcedAt;
    const incidentIds = (await sql<{ id: string }>(env.databaseUrl, 'SELECT id FROM triage.incident')).map((row) => row.id).sort();
    expect(client.received.map((incident) => incident.incidentId).sort()).toEqual(incidentIds);

    process.stdout.write(
      `cluster burst: ${CALLS} calls sent, ${ackedFirstTime} acknowledged at the first attempt, ${acked} after resends; ` +
        `${incidents.n} incidents; ${client.received.length} dashboard pushes (the last ${pushLagMs} ms after the last announcement); killed ${gatewayLeader}, one ingest, one triage\n`,
    );
  }, 150_000);
});
