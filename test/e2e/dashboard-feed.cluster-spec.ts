import { randomUUID } from 'node:crypto';
import { NatsConnection } from 'nats';
import { io, Socket } from 'socket.io-client';
import { signToken } from '@vigil/auth';
import { BusNamespace, EventPublisher, provisionStreams, STREAMS } from '@vigil/bus';
import { IncidentPush, SOCKET_EVENTS } from '@vigil/contracts';
import { ChildApp, ClusterEnvironment, createClusterEnvironment, eventually, freePort, TestEnvironment } from '@vigil/testing';
import { incidentFixture } from '../../apps/dashboard/console/incident.fixture';

const INCIDENTS = 50;

// The dashboard runs as its own process against a three-node cluster; this spec publishes the
// incidents as triage's relay would, so that the one thing under test is the dashboard's feed.
describe('a dashboard whose feed consumer lived on the NATS server that died', () => {
  let cluster: ClusterEnvironment;
  let env: TestEnvironment;
  let nc: NatsConnection;
  let dashboard: ChildApp | undefined;
  let socket: Socket | undefined;

  beforeAll(async () => {
    cluster = await createClusterEnvironment('feedloss');
    ({ env, nc } = cluster);
    await provisionStreams(await nc.jetstreamManager({ timeout: 15_000 }), new BusNamespace(env.namespace), [STREAMS.incidents], { replicas: 3 });
  }, 30_000);

  afterAll(async () => {
    socket?.disconnect();
    await dashboard?.kill();
    await cluster?.dispose();
  }, 60_000);

  it('resubscribes by itself and pushes every incident stored after the loss, none missing', async () => {
    const port = await freePort();
    dashboard = new ChildApp('dashboard', env.env, port);
    await dashboard.start();
    const received: IncidentPush[] = [];
    socket = io(`http://127.0.0.1:${port}`, { auth: { token: signToken({ subject: 'pc-feed', role: 'police' }, env.platform.authSecret, 3600) }, transports: ['websocket'], reconnection: false });
    socket.on(SOCKET_EVENTS.incidentOpened, (incident: IncidentPush) => received.push(incident));
    await new Promise<void>((resolve, reject) => socket!.once('connect', resolve).once('connect_error', reject));

    // The dashboard's ordered consumer is the stream's only consumer here: a single copy on one server.
    const jsm = await nc.jetstreamManager();
    const stream = new BusNamespace(env.namespace).stream(STREAMS.incidents.name);
    const [feedConsumer] = await jsm.consumers.list(stream).next();
    const holder = feedConsumer?.cluster?.leader;
    expect(holder).toMatch(/^vigil-local-\d$/);
    cluster.killNode(holder!);

    const publisher = new EventPublisher(nc.jetstream(), new BusNamespace(env.namespace), 'triage');
    const ids = Array.from({ length: INCIDENTS }, () => randomUUID());
    for (const incidentId of ids) {
      const incident = incidentFixture({ incidentId, summary: `Shouting outside the station (${incidentId})` });
      // The surviving two elect a new stream leader within seconds; until then a publish times out and is resent.
      await eventually(() => publisher.publish('incidentOpened', incident, { id: `opened-${incidentId}` }), { timeoutMs: 30_000, intervalMs: 200 });
    }

    await eventually(() => expect(received.map((i) => i.incidentId).sort()).toEqual([...ids].sort()), { timeoutMs: 45_000, intervalMs: 250 }).catch((error: Error) => {
      const warnings = dashboard!.output.join('').split('\n').filter((line) => /"level":"(warn|error)"/.test(line));
      throw new Error(`${error.message}\ndashboard warnings:\n${warnings.join('\n')}`);
    });
  }, 120_000);
});
