import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connect, NatsConnection } from 'nats';
import { Principal } from '@vigil/auth';
import { BusNamespace, EventPublisher, startConsumers } from '@vigil/bus';
import { PlatformModule } from '@vigil/config';
import { CallReceived, Camera, RegisterCamera } from '@vigil/contracts';
import { createTestEnvironment, eventually, sql, TestEnvironment } from '@vigil/testing';
import { FaultsModule } from '../../../faults/src/faults.module';
import { RegisterCameraUseCase } from '../../../faults/src/register/register-camera.usecase';
import { UpdateCameraUseCase } from '../../../faults/src/register/update-camera.usecase';
import { TakeCallUseCase } from '../calls/take-call.usecase';
import { TriageModule } from '../triage.module';
import { CameraPlacesProjection } from './camera-places.projection';

const operator: Principal = { subject: 'op-ann', role: 'operator' };
const DEMO_CAMERAS = 1_568;

const camera = (cameraId: string, fields: Partial<RegisterCamera> = {}): RegisterCamera => ({
  cameraId,
  number: cameraId,
  location: `Hitchin Street, ${cameraId}`,
  partnerId: 'north-herts',
  clientName: null,
  town: 'Baldock Town Centre',
  siteId: `site-${cameraId}`,
  networkSegment: null,
  lat: 51.9893,
  lon: -0.1878,
  type: 'static',
  monitoring: 'reactive',
  retentionDays: 28,
  ...fields,
});

let seq = 0;
const HOURS_APART = 2 * 3_600_000;
const FIRST_CALL_AT = Date.now() - 2_000 * HOURS_APART;
/**
 * A call as ingest publishes it: an operator's entry or a gateway's message naming a camera, with
 * words that name another town. Calls are hours apart, beyond the correlation window, so each
 * opens its own incident placed afresh rather than joining the last one about the same camera.
 */
function cameraCall(cameraId: string, source: CallReceived['source'] = 'Controller'): CallReceived {
  seq += 1;
  const at = new Date(FIRST_CALL_AT + seq * HOURS_APART).toISOString();
  const enteredBy = source === 'Controller' ? { enteredBy: 'op-ann' } : {};
  return {
    callKey: `places:${seq}:${cameraId}`,
    source,
    sourceMessageId: `places-${seq}`,
    receivedAt: at,
    occurredAt: at,
    urgency: 'routine',
    summary: `Youths fighting, seen on ${cameraId}, caller says Hitchin`,
    location: { cameraId },
    raw: { n: seq },
    ...enteredBy,
  };
}

// Real NATS and Postgres: faults (with its 1,568 demo cameras) announces its register through its
// outbox onto CAMERA_REGISTER before triage first starts; two triage replicas, each with its own
// consumer from the last entry per camera, project it and place calls by camera.
describe('triage places calls by camera from the faults register', () => {
  let env: TestEnvironment;
  let faults: INestApplication;
  const replicas: INestApplication[] = [];
  let nc: NatsConnection;

  async function startApp(name: string, module: unknown): Promise<INestApplication> {
    @Module({ imports: [PlatformModule.forRoot(env.platform, name), module as never] })
    class App {}
    const app = await NestFactory.create(App, { logger: false, bodyParser: false });
    await app.init();
    await startConsumers(app);
    return app;
  }
  const startTriage = (name: string) => startApp(name, TriageModule.register({ databaseUrl: env.databaseUrl, restoreWaitSeconds: 30, instanceId: `${name}-${env.namespace}` }));
  const placeRow = async (cameraId: string) =>
    (await sql<{ version: number; town: string }>(env.databaseUrl, `SELECT version, town FROM triage.camera_place WHERE camera_id = $1`, [cameraId]))[0];
  const entryPublished = (cameraId: string, version: number) =>
    eventually(async () =>
      expect(await sql(env.databaseUrl, `SELECT 1 FROM faults.outbox WHERE event_id = $1 AND published_at IS NOT NULL`, [`camera-register-entry:${cameraId}:${version}`])).toHaveLength(1),
    );
  /** Takes a call on one replica (its own map), as its calls consumer would, and reads what it opened. */
  async function take(replica: INestApplication, call: CallReceived) {
    const [taken] = await replica.get(TakeCallUseCase).execute([call]);
    if (taken.kind !== 'opened') throw new Error(`expected an incident, got ${taken.kind}`);
    const [point] = await sql<{ lat: number; lon: number }>(env.databaseUrl, `SELECT lat, lon FROM triage.call WHERE call_key = $1`, [call.callKey]);
    const { placement, partnerId, clientName, town, triageReasons } = taken.incident;
    return { placement, partnerId, clientName, town, reason: triageReasons[1], point };
  }

  beforeAll(async () => {
    env = await createTestEnvironment('places');
    await env.provisionStreams();
    nc = await connect({ servers: env.natsUrl });
    faults = await startApp('places-faults', FaultsModule.register({ databaseUrl: env.databaseUrl, demo: true }));
    // Registered (and changed) before triage ever ran: FAULTS would forget it after 31 days, CAMERA_REGISTER never.
    await faults.get(RegisterCameraUseCase).execute(operator, camera('PL-OLD'));
    await faults.get(UpdateCameraUseCase).execute(operator, 'PL-OLD', { version: 1, location: 'Hitchin Street j/w Church Street' });
    await entryPublished('PL-OLD', 2);
    await eventually(async () => expect(await sql(env.databaseUrl, `SELECT 1 FROM faults.outbox WHERE published_at IS NULL`)).toEqual([]), { timeoutMs: 60_000 });
    // Faults stops while triage is first deployed, and comes back: in one process graphile-worker
    // shuts a running runner down when another app's first start installs its timer schema.
    await faults.close();
    replicas.push(await startTriage('places-a'), await startTriage('places-b'));
    faults = await startApp('places-faults-again', FaultsModule.register({ databaseUrl: env.databaseUrl, demo: true }));
  }, 120_000);

  afterAll(async () => {
    for (const app of replicas) await app.close();
    await faults?.close();
    await nc?.close();
    await env?.dispose();
  });

  it("takes every camera of faults' demo register, registered before triage first started", async () => {
    await eventually(async () => expect(await sql(env.databaseUrl, `SELECT count(*)::int AS n FROM triage.camera_place`)).toEqual([{ n: DEMO_CAMERAS + 1 }]), { timeoutMs: 30_000 });
    expect(await placeRow('PL-OLD')).toEqual({ version: 2, town: 'Baldock Town Centre' });
  });

  it("places an operator's and a gateway's call by a camera registered before triage started, on either replica", async () => {
    // Both replicas hold the camera in memory, each from its own consumer.
    for (const replica of replicas) {
      await eventually(async () => expect(await take(replica, cameraCall('PL-OLD'))).toMatchObject({ placement: 'partner', partnerId: 'north-herts', town: 'Baldock Town Centre', reason: 'camera:PL-OLD' }));
    }
    // The demo's cameras, where faults' demo register puts them: a client's camera is the client's.
    expect(await take(replicas[0], cameraCall('NH-014', 'Police Airwaves'))).toMatchObject({ placement: 'partner', partnerId: 'north-herts', town: 'Hitchin Town Centre', reason: 'camera:NH-014' });
    expect(await take(replicas[1], cameraCall('LHF-001'))).toMatchObject({ placement: 'client', partnerId: null, clientName: 'Letchworth Heritage Foundation', town: 'Letchworth Town Centre' });
  });

  it('places a gateway call published on CALLS, whichever replica takes it', async () => {
    const call = cameraCall('PL-OLD', 'Police Airwaves');
    await publisher().publish('callReceived', call, { id: call.callKey });
    const [incident] = await eventually(async () => {
      const rows = await sql<{ placement: string; partner_id: string; town: string }>(
        env.databaseUrl,
        `SELECT i.placement, i.partner_id, i.town FROM triage.incident i JOIN triage.call c ON c.incident_id = i.id WHERE c.call_key = $1`,
        [call.callKey],
      );
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(incident).toEqual({ placement: 'partner', partner_id: 'north-herts', town: 'Baldock Town Centre' });
  });

  it('follows a camera moved after triage started, and one registered after, on both replicas', async () => {
    const moved = await faults.get(UpdateCameraUseCase).execute(operator, 'PL-OLD', { version: 2, town: 'Royston Town Centre', lat: 52.0483, lon: -0.0237, reason: 'moved to Royston market' });
    expect(moved.kind).toBe('saved');
    await faults.get(RegisterCameraUseCase).execute(operator, camera('PL-NEW', { partnerId: 'stevenage', town: 'Stevenage Old Town', lat: 51.9139, lon: -0.2043 }));
    for (const replica of replicas) {
      await eventually(async () =>
        expect(await take(replica, cameraCall('PL-OLD'))).toMatchObject({ partnerId: 'north-herts', town: 'Royston Town Centre', point: { lat: 52.0483, lon: -0.0237 } }),
      );
      await eventually(async () => expect(await take(replica, cameraCall('pl-new', 'Police Airwaves'))).toMatchObject({ partnerId: 'stevenage', town: 'Stevenage Old Town', reason: 'camera:PL-NEW' }));
    }
    expect(await placeRow('PL-OLD')).toEqual({ version: 3, town: 'Royston Town Centre' });
  });

  it('keeps the newer place when an older version or a repeat arrives, in the table and on both replicas', async () => {
    const stale: Camera = { ...(await currentEntry('PL-OLD')), town: 'Baldock Town Centre', lat: 51.9893, lon: -0.1878, version: 2 };
    // A relay's late copy of version 2 (a new msg id, so JetStream stores it) and a repeat of version 3.
    await publisher().publish('cameraRegisterEntry', stale, { id: 'late-copy:PL-OLD:2' });
    await publisher().publish('cameraRegisterEntry', await currentEntry('PL-OLD'), { id: 'repeat:PL-OLD:3' });
    // A marker after them on the stream: once each replica holds it, each has taken the two before it.
    const marker = await faults.get(RegisterCameraUseCase).execute(operator, camera('PL-MARK', { town: 'Knebworth', lat: 51.8668, lon: -0.1859 }));
    expect(marker.kind).toBe('saved');
    for (const replica of replicas) {
      await eventually(async () => expect(await take(replica, cameraCall('PL-MARK'))).toMatchObject({ town: 'Knebworth' }));
      expect(await take(replica, cameraCall('PL-OLD'))).toMatchObject({ town: 'Royston Town Centre', point: { lat: 52.0483, lon: -0.0237 } });
    }
    expect(await placeRow('PL-OLD')).toEqual({ version: 3, town: 'Royston Town Centre' });
  });

  it('places by the newest version at once on a replica that starts after the stream was given an older one', async () => {
    // CAMERA_REGISTER now holds the late copy (version 2) as PL-OLD's last message; the table holds version 3.
    const late = await startTriage('places-c');
    replicas.push(late);
    expect(await take(late, cameraCall('PL-OLD'))).toMatchObject({ town: 'Royston Town Centre' });
    await eventually(async () => expect(await take(late, cameraCall('PL-MARK'))).toMatchObject({ town: 'Knebworth' }));
    expect(await take(late, cameraCall('PL-OLD'))).toMatchObject({ town: 'Royston Town Centre' });
  });

  it("never overwrites a newer version in the table, from a replica whose memory is behind it", async () => {
    // Another replica wrote version 5 while this one held nothing of the camera: its late version 4 is new to it, not to the table.
    const newer: Camera = { ...(await currentEntry('PL-NEW')), cameraId: 'PL-RACE', town: 'Hertford', version: 5 };
    await sql(
      env.databaseUrl,
      `INSERT INTO triage.camera_place (camera_id, version, partner_id, client_name, town, lat, lon, status, registered_at, projected_at) VALUES ($1, 5, 'east-herts', NULL, 'Hertford', 51.7958, -0.0779, 'in-service', now(), now())`,
      [newer.cameraId],
    );
    expect(await replicas[0].get(CameraPlacesProjection).take([{ ...newer, town: 'Ware Town Centre', version: 4 }])).toEqual(['first-seen']);
    expect(await placeRow('PL-RACE')).toEqual({ version: 5, town: 'Hertford' });
  });

  const publisher = () => new EventPublisher(nc.jetstream(), new BusNamespace(env.namespace), '/vigil/test');

  async function currentEntry(cameraId: string): Promise<Camera> {
    const [row] = await sql<{ envelope: { data: Camera } }>(
      env.databaseUrl,
      `SELECT envelope FROM faults.outbox WHERE aggregate_id = $1 ORDER BY aggregate_version DESC LIMIT 1`,
      [`camera-register-entry:${cameraId}`],
    );
    return row.envelope.data;
  }
});
