import { connect, NatsConnection } from 'nats';
import { io, Socket } from 'socket.io-client';
import { BusNamespace, STREAMS } from '@vigil/bus';
import { Incident, IncidentPush, SnapshotRequiredNotice, SOCKET_EVENTS } from '@vigil/contracts';
import { createTestEnvironment, eventually, RunningVigil, sql, startEmbeddedVigil, TestAirwaveGateway, TestEnvironment } from '@vigil/testing';

/** Small enough to pass quickly with ~1,100 incidents, large enough that a full replay beats the old cap of 1,000. */
const REPLAY_LIMIT = 1_050;
const TOWNS = ['Hitchin', 'Stevenage', 'Royston', 'Letchworth', 'Borehamwood'];

interface DashboardClient {
  socket: Socket;
  received: IncidentPush[];
  snapshots: SnapshotRequiredNotice[];
}

async function dashboardClient(url: string, token: string): Promise<DashboardClient> {
  const client: DashboardClient = { socket: io(url, { auth: { token }, transports: ['websocket'], reconnection: false }), received: [], snapshots: [] };
  client.socket.on(SOCKET_EVENTS.incidentOpened, (incident: IncidentPush) => client.received.push(incident));
  client.socket.on(SOCKET_EVENTS.snapshotRequired, (notice: SnapshotRequiredNotice) => client.snapshots.push(notice));
  await new Promise<void>((resolve, reject) => {
    client.socket.once('connect', resolve);
    client.socket.once('connect_error', reject);
  });
  return client;
}

// The whole of Vigil in this process (real NATS, Postgres, triage's relay); incidents come from a gateway as in production.
describe('a dashboard client that reconnects gets every incident it missed, or a snapshot and then the stream', () => {
  let env: TestEnvironment;
  let vigil: RunningVigil;
  let gateway: TestAirwaveGateway;
  let nc: NatsConnection;
  let opened = 0;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment('replay');
    vigil = await startEmbeddedVigil(env.platform, env.ingest, { dashboard: { replayLimit: REPLAY_LIMIT } });
    gateway = await TestAirwaveGateway.connect(env.natsUrl, env.namespace);
    nc = await connect({ servers: env.natsUrl });
  });

  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await nc?.close();
    await gateway?.close();
    await vigil?.close();
    await env?.dispose();
  });

  const police = async () => {
    const client = await dashboardClient(vigil.url, vigil.tokenFor({ subject: 'pc-replay', role: 'police' }));
    sockets.push(client.socket);
    return client;
  };

  async function streamLastSeq(): Promise<number> {
    const info = await (await nc.jetstreamManager()).streams.info(new BusNamespace(env.namespace).stream(STREAMS.incidents.name));
    return info.state.last_seq;
  }

  /** Opens `count` incidents through the gateway and waits until triage has published every one. */
  async function openIncidents(count: number): Promise<number> {
    for (let first = 0; first < count; first += 50) {
      const batch = Array.from({ length: Math.min(50, count - first) }, (_, i) => opened + first + i);
      await Promise.all(batch.map((n) => gateway.publishSds(gateway.sds(`r-${n}`, `Fight outside the station in ${TOWNS[n % TOWNS.length]} (${n})`))));
    }
    opened += count;
    await eventually(async () => expect(await streamLastSeq()).toBe(opened), { timeoutMs: 120_000, intervalMs: 250 });
    return opened;
  }

  it('replays all 1,030 incidents missed while away (more than the old cap of 1,000), oldest first, each once', async () => {
    await openIncidents(20);
    const before = await police();
    before.socket.emit(SOCKET_EVENTS.incidentsResume, 0);
    await eventually(() => expect(before.received).toHaveLength(20));
    const lastSeen = Math.max(...before.received.map((i) => i.streamSeq));
    before.socket.disconnect();

    await openIncidents(1_030);
    const back = await police();
    back.socket.emit(SOCKET_EVENTS.incidentsResume, lastSeen);
    await eventually(() => expect(back.received).toHaveLength(1_030), { timeoutMs: 30_000 });
    const seqs = back.received.map((i) => i.streamSeq);
    expect(seqs).toEqual(Array.from({ length: 1_030 }, (_, i) => lastSeen + 1 + i));
    expect(new Set(back.received.map((i) => i.incidentId)).size).toBe(1_030);
    expect(back.snapshots).toEqual([]);
  });

  it('tells a client that missed more than the limit to reload a snapshot, which triage serves in pages, then resumes from the position given', async () => {
    const total = await openIncidents(15);
    const fresh = await police();
    fresh.socket.emit(SOCKET_EVENTS.incidentsResume, 0);
    const [notice] = await eventually(() => {
      expect(fresh.snapshots).toHaveLength(1);
      return fresh.snapshots;
    });
    expect(notice).toEqual({ reason: 'gap-over-limit', resumeFrom: total, missed: total });
    expect(fresh.received).toEqual([]);

    // What the page does: every page of GET /api/incidents, newest first.
    const snapshot: Incident[] = [];
    for (let offset = 0; ; offset += 500) {
      const response = await fetch(`${vigil.url}/api/incidents?limit=500&offset=${offset}`, {
        headers: { Authorization: `Bearer ${vigil.tokenFor({ subject: 'pc-replay', role: 'police' })}` },
      });
      expect(response.status).toBe(200);
      const page = (await response.json()) as Incident[];
      snapshot.push(...page);
      if (page.length < 500) break;
    }
    expect(new Set(snapshot.map((i) => i.incidentId)).size).toBe(total);
    expect(snapshot.every((i) => i.version === 1)).toBe(true);

    fresh.socket.emit(SOCKET_EVENTS.incidentsResume, notice.resumeFrom);
    await gateway.publishSds(gateway.sds('after-snapshot', 'Fight outside the station in Baldock'));
    opened += 1;
    // Anything replayed after the snapshot's position would arrive before this live incident.
    await eventually(() => expect(fresh.received.map((i) => [i.streamSeq, i.summary])).toEqual([[total + 1, 'Fight outside the station in Baldock']]));
    expect(fresh.snapshots).toHaveLength(1);
  });

  it('delivers a relay row republished after the duplicate window to a socket once, live and in a replay', async () => {
    const live = await police();
    const [row] = await sql<{ id: string; incident_id: string }>(
      env.databaseUrl,
      `SELECT id, envelope->'data'->>'incidentId' AS incident_id FROM triage.outbox WHERE aggregate_id IS NOT NULL ORDER BY id DESC LIMIT 1`,
    );
    const seqBefore = await streamLastSeq();
    // Past the duplicate window JetStream no longer knows the msg id: simulated with a new one.
    await sql(env.databaseUrl, `UPDATE triage.outbox SET published_at = NULL, envelope = jsonb_set(envelope, '{id}', to_jsonb(event_id || ':after-window')) WHERE id = $1`, [
      row.id,
    ]);
    await eventually(async () => expect(await streamLastSeq()).toBe(seqBefore + 1));

    await gateway.publishSds(gateway.sds('after-republish', 'Fight outside the station in Tring'));
    opened += 1;
    await eventually(() => expect(live.received.map((i) => i.summary)).toEqual(['Fight outside the station in Tring']));

    const replayed = await police();
    replayed.socket.emit(SOCKET_EVENTS.incidentsResume, seqBefore - 1);
    await eventually(() => expect(replayed.received.map((i) => i.summary)).toContain('Fight outside the station in Tring'));
    const ids = replayed.received.map((i) => i.incidentId);
    expect(ids.filter((id) => id === row.incident_id)).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('tells a client whose position the stream no longer holds (aged out) to reload a snapshot', async () => {
    const stream = new BusNamespace(env.namespace).stream(STREAMS.incidents.name);
    const jsm = await nc.jetstreamManager();
    // What max_age does after a month, at once: the stream keeps only its newest 5 messages.
    await jsm.streams.purge(stream, { keep: 5 });
    const { state } = await jsm.streams.info(stream);
    const client = await police();
    client.socket.emit(SOCKET_EVENTS.incidentsResume, state.first_seq - 3);
    await eventually(() => expect(client.snapshots).toEqual([{ reason: 'position-expired', resumeFrom: state.last_seq, missed: 7 }]));
    expect(client.received).toEqual([]);
  });
});
