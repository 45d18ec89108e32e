import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connect, JetStreamClient, NatsConnection } from 'nats';
import { Principal } from '@vigil/auth';
import { BusNamespace, startConsumers, STREAMS } from '@vigil/bus';
import { configureHttp, PlatformModule } from '@vigil/config';
import { CameraHealthSignalKind, DeadLetter, FaultTicket, RegisterCamera, SUBJECTS, TimelineEntry } from '@vigil/contracts';
import { callApi, createTestEnvironment, eventually, sql, TestEnvironment } from '@vigil/testing';
import { HealthPolicy } from '../domain/health-policy';
import { FaultsModule } from '../faults.module';
import { HealthWatchdog } from './health-watchdog';

const operator: Principal = { subject: 'op-ann', role: 'operator' };
const h = 3_600_000;

// Seconds instead of minutes, so the spec waits for real debounces and heartbeat grace without sleeping.
const policy: HealthPolicy = {
  debounceMs: { 'video-loss': 1_000, tamper: 1_000 },
  heartbeatIntervalMs: 300,
  heartbeatGrace: 3,
  flapWindowMs: 60_000,
  flapThreshold: 3,
  flapQuietMs: 600_000,
};

const camera = (cameraId: string, siteId: string): RegisterCamera => ({
  cameraId,
  number: cameraId.slice(3),
  location: `Bancroft ${cameraId}`,
  partnerId: 'north-herts',
  clientName: null,
  town: 'Hitchin Town Centre',
  siteId,
  networkSegment: null,
  lat: 51.95,
  lon: -0.28,
  type: 'static',
  monitoring: 'pro-active',
  retentionDays: 28,
});

// Real NATS and Postgres; each faults app is a replica with its own pool and its own CAMERA_HEALTH consumer.
describe('camera health watchdog', () => {
  let env: TestEnvironment;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let ns: BusNamespace;
  const apps: INestApplication[] = [];
  let url: string;
  let bystander: NodeJS.Timeout;

  async function startReplica(instanceId: string): Promise<INestApplication> {
    @Module({ imports: [PlatformModule.forRoot(env.platform, `faults-${instanceId}`), FaultsModule.register({ databaseUrl: env.databaseUrl, demo: false, health: { instanceId, policy, tickMs: 50 } })] })
    class FaultsReplica {}
    const app = await NestFactory.create(FaultsReplica, { logger: false, bodyParser: false });
    configureHttp(app, env.platform);
    await app.listen(0, '127.0.0.1');
    await startConsumers(app);
    apps.push(app);
    return app;
  }

  beforeAll(async () => {
    env = await createTestEnvironment('camerahealth');
    ns = new BusNamespace(env.namespace);
    const app = await startReplica('a');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    nc = await connect({ servers: env.natsUrl });
    js = nc.jetstream();
    // The rest of the VMS keeps talking, as its thousands of cameras do: a watchdog judges silence only while it hears the stream.
    bystander = setInterval(() => void signal('NH-999', 'heartbeat', Date.now()).catch(() => undefined), 100);
    const cameras = [...['NH-101', 'NH-102', 'NH-103', 'NH-104', 'NH-105'].map((id) => camera(id, `site-${id}`)), ...Array.from({ length: 40 }, (_, i) => camera(`NH-2${String(i).padStart(2, '0')}`, 'hitchin-market'))];
    for (const c of cameras) expect((await send('POST', '/api/cameras', c)).status).toBe(201);
  });

  afterAll(async () => {
    clearInterval(bystander);
    for (const app of apps) await app.close();
    await nc?.drain();
    await env?.dispose();
  });

  const send = (method: string, path: string, body?: unknown) => callApi(url, env.platform.authSecret, operator, method, path, body);

  let messageSeq = 0;
  async function signal(cameraId: string, kind: CameraHealthSignalKind, occurredAt: number, extra: Record<string, unknown> = {}): Promise<void> {
    const payload = { vmsId: 'vms-1', cameraId, siteId: 'rs-hitchin', occurredAt: new Date(occurredAt).toISOString(), ...(kind === 'heartbeat' ? {} : { messageId: `m${++messageSeq}` }), ...extra };
    await js.publish(ns.subject(SUBJECTS.vms.cameraHealth('vms-1', cameraId, kind)), JSON.stringify(payload));
  }
  const ticketsOf = async (query: string) => (await send('GET', `/api/tickets?${query}&limit=500`)).body as FaultTicket[];
  const cameraStatus = async (id: string) => (await send('GET', `/api/cameras/${id}`)).body.status as string;

  it('opens exactly one ticket with deadlines when a camera stops sending heartbeats, and takes it out of public view', async () => {
    const now = Date.now();
    for (const ago of [600, 300, 0]) await signal('NH-101', 'heartbeat', now - ago);

    const [ticket] = await eventually(async () => {
      const found = await ticketsOf('cameraId=NH-101');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(ticket).toMatchObject({ origin: 'health-watchdog', scope: 'camera', symptom: 'network', severity: 'emergency', status: 'reported', cameraIds: ['NH-101'], reportedBy: 'health-watchdog' });
    const reportedAt = Date.parse(ticket.reportedAt);
    expect([Date.parse(ticket.response.dueAt) - reportedAt, Date.parse(ticket.fix.dueAt) - reportedAt]).toEqual([4 * h, 12 * h]);
    expect(await cameraStatus('NH-101')).toBe('faulty');

    // Heard again: the recovery goes on the same ticket, which stays for the contractor; still one ticket.
    await signal('NH-101', 'heartbeat', Date.now());
    const timeline = await eventually(async () => {
      const entries = (await send('GET', `/api/tickets/${ticket.ticketId}/timeline`)).body as TimelineEntry[];
      // Silent again afterwards, it is down again: a line on the same ticket, not a second one.
      expect(entries.slice(0, 2).map((e) => e.kind)).toEqual(['opened', 'camera-recovered']);
      return entries;
    });
    expect(timeline[1]).toMatchObject({ actor: 'health-watchdog', reason: 'no-heartbeat-ended' });
    expect(await ticketsOf('cameraId=NH-101')).toHaveLength(1);
    expect(await cameraStatus('NH-101')).toBe('faulty');
    const [health] = await sql<{ version: number }>(env.databaseUrl, `SELECT version FROM faults.camera_health WHERE camera_id = 'NH-101'`);
    expect(health.version).toBeGreaterThanOrEqual(2);
  });

  it('opens nothing for a video loss that recovers inside the debounce', async () => {
    const now = Date.now();
    await signal('NH-102', 'video-loss', now);
    await signal('NH-102', 'recovered', now + 200, { recoveredFrom: 'video-loss' });
    // A loss that persists, sent after the blip: once its ticket is there, the blip's debounce has long run out.
    await signal('NH-103', 'video-loss', now + 300);

    await eventually(async () => expect(await ticketsOf('cameraId=NH-103')).toHaveLength(1), { timeoutMs: 15_000 });
    expect(await ticketsOf('cameraId=NH-102')).toEqual([]);
    expect(await cameraStatus('NH-102')).toBe('in-service');
    expect((await ticketsOf('cameraId=NH-103'))[0]).toMatchObject({ symptom: 'no-video', severity: 'emergency' });
  });

  it('keeps a malformed health message as a dead letter with its reason and subject', async () => {
    const subject = SUBJECTS.vms.cameraHealth('vms-1', 'NH-104', 'tamper');
    await js.publish(ns.subject(subject), JSON.stringify({ vmsId: 'vms-1', cameraId: 'NH-104', siteId: 's', occurredAt: new Date().toISOString(), messageId: 'x', tamper: 'painted' }));

    const letter = await eventually(async () => {
      const stored = await js.consumers.get(ns.stream(STREAMS.deadLetters.name));
      const message = await stored.next({ expires: 1_000 });
      expect(message).not.toBeNull();
      return JSON.parse(new TextDecoder().decode(message!.data)).data as DeadLetter;
    });
    expect(letter).toMatchObject({ origin: `nats:${subject}`, rejectedBy: 'faults-camera-health-a', reason: expect.stringContaining('invalid tamper: tamper') });
    expect(JSON.parse(Buffer.from(letter.rawBase64, 'base64').toString())).toMatchObject({ tamper: 'painted' });
  });

  it('records a flapping camera once: one ticket, not one per flap', async () => {
    const start = Date.now();
    for (let flap = 0; flap < 6; flap++) {
      await signal('NH-104', 'video-loss', start + flap * 400);
      await signal('NH-104', 'recovered', start + flap * 400 + 100, { recoveredFrom: 'video-loss' });
    }
    const watchdog = apps[0].get(HealthWatchdog);
    await eventually(() => expect(watchdog.board.stateOf('NH-104')).toMatchObject({ flapping: true, onsets: expect.arrayContaining([start + 5 * 400]) }));

    const tickets = await eventually(async () => {
      const found = await ticketsOf('cameraId=NH-104');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(tickets[0]).toMatchObject({ origin: 'health-watchdog', symptom: 'no-video', description: expect.stringContaining('flapping (3 onsets)') });
  });

  it('opens one parent ticket with the cameras as children when 40 cameras of a site go down together', async () => {
    const now = Date.now();
    for (let i = 0; i < 40; i++) await signal(`NH-2${String(i).padStart(2, '0')}`, 'heartbeat', now);

    const [outage] = await eventually(
      async () => {
        const open = await ticketsOf('siteId=hitchin-market&board=open');
        expect(open.map((t) => [t.scope, t.cameraIds.length])).toEqual([['site', 40]]);
        return open;
      },
      { timeoutMs: 20_000 },
    );
    expect(outage).toMatchObject({ origin: 'health-watchdog', severity: 'emergency', siteId: 'hitchin-market' });
    expect(await cameraStatus('NH-239')).toBe('faulty');
    // The four cameras written before the fifth made it an outage opened tickets of their own: merged into it now, their clocks stopped.
    const merged = await ticketsOf('siteId=hitchin-market&status=merged');
    expect(merged.map((t) => [t.scope, t.cameraIds.length])).toEqual([0, 1, 2, 3].map(() => ['camera', 1]));
    expect(merged.flatMap((t) => t.cameraIds).every((id) => outage.cameraIds.includes(id))).toBe(true);
    const [{ timers }] = await sql<{ timers: number }>(env.databaseUrl, `SELECT count(*)::int AS timers FROM faults_timers.jobs WHERE key = ANY($1)`, [
      merged.flatMap((t) => [`sla-clock:${t.ticketId}:response`, `sla-clock:${t.ticketId}:fix`]),
    ]);
    expect(timers).toBe(0);
  });

  it('two replicas given the same signals open one ticket per real fault', async () => {
    const second = await startReplica('b');
    const now = Date.now();
    for (const ago of [300, 0]) await signal('NH-105', 'heartbeat', now - ago);
    await eventually(() => {
      for (const app of apps) expect(app.get(HealthWatchdog).board.stateOf('NH-105')?.condition).toBe('down');
    });

    await eventually(async () => expect(await ticketsOf('cameraId=NH-105')).toHaveLength(1));
    await signal('NH-105', 'heartbeat', Date.now());
    await eventually(() => {
      for (const app of [apps[0], second]) expect(app.get(HealthWatchdog).board.stateOf('NH-105')?.condition).toBe('up');
    });
    const [ticket] = await ticketsOf('cameraId=NH-105');
    const timeline = await eventually(async () => {
      const entries = (await send('GET', `/api/tickets/${ticket.ticketId}/timeline`)).body as TimelineEntry[];
      expect(entries.slice(0, 2).map((e) => e.kind)).toEqual(['opened', 'camera-recovered']);
      return entries;
    });
    expect(timeline.filter((e) => e.kind === 'camera-recovered')).toHaveLength(1);
    expect(await ticketsOf('cameraId=NH-105')).toHaveLength(1);
    const [{ n }] = await sql<{ n: number }>(env.databaseUrl, `SELECT count(*)::int AS n FROM faults.outbox WHERE subject = 'fault.north-herts.opened' AND envelope->'data'->'cameraIds' ? 'NH-105'`);
    expect(n).toBe(1);
  });
});
