import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Principal } from '@vigil/auth';
import { startConsumers } from '@vigil/bus';
import { configureHttp, PlatformModule } from '@vigil/config';
import { CallReceived, CameraChanged, FaultTicket, RegisterCamera, TimelineEntry } from '@vigil/contracts';
import { callApi, createTestEnvironment, eventually, sql, TestEnvironment } from '@vigil/testing';
import { FaultsModule } from '../../../faults/src/faults.module';
import { RegisterCameraUseCase } from '../../../faults/src/register/register-camera.usecase';
import { TakeCallUseCase } from '../calls/take-call.usecase';
import { TriageModule } from '../triage.module';
import { RecordCameraChangeUseCase } from './record-camera-change.usecase';

const operator: Principal = { subject: 'op-ann', role: 'operator' };
const contractor: Principal = { subject: 'eng-desk', role: 'contractor' };
const report = { engineer: 'D. Evans', cause: 'Fibre cut at the cabinet', work: 'Spliced the fibre' };

const camera = (cameraId: string): RegisterCamera => ({
  cameraId,
  number: cameraId,
  location: `Bancroft, ${cameraId}`,
  partnerId: 'north-herts',
  clientName: null,
  town: 'Hitchin Town Centre',
  siteId: `site-${cameraId}`,
  networkSegment: null,
  lat: 51.9492,
  lon: -0.2801,
  type: 'ptz-dome',
  monitoring: 'pro-active',
  retentionDays: 28,
});

let seq = 0;
function call(summary: string): CallReceived {
  seq += 1;
  const at = new Date(Date.now() - 60_000 + seq).toISOString();
  return { callKey: `airwave:gw-gaps:${seq}`, source: 'Police Airwaves', sourceMessageId: String(seq), receivedAt: at, occurredAt: at, urgency: 'routine', summary, location: { town: 'Hitchin' }, raw: { n: seq } };
}

// Real NATS and Postgres: faults raises the fault and announces the camera through its outbox onto
// FAULTS; triage's own consumer takes it and changes the incident as any change is made.
describe('recording gaps on incidents', () => {
  let env: TestEnvironment;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    env = await createTestEnvironment('gaps');
    await env.provisionStreams();
    @Module({
      imports: [
        PlatformModule.forRoot(env.platform, 'gaps-test'),
        TriageModule.register({ databaseUrl: env.databaseUrl, restoreWaitSeconds: 30 }),
        FaultsModule.register({ databaseUrl: env.databaseUrl, demo: false }),
      ],
    })
    class TriageAndFaults {}
    app = await NestFactory.create(TriageAndFaults, { logger: false, bodyParser: false });
    configureHttp(app, env.platform);
    await app.listen(0, '127.0.0.1');
    await startConsumers(app);
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    for (const id of ['NH-21', 'NH-22']) await app.get(RegisterCameraUseCase).execute(operator, camera(id));
  });

  afterAll(async () => {
    await app?.close();
    await env?.dispose();
  });

  const send = (principal: Principal, method: string, path: string, body?: unknown) => callApi(url, env.platform.authSecret, principal, method, path, body);
  /** An incident with these cameras used, as an operator records them; closed when asked. */
  async function incidentWith(cameras: string[], closed = false): Promise<string> {
    const [taken] = await app.get(TakeCallUseCase).execute([call(`Fight on Bancroft ${seq}`)]);
    if (taken.kind !== 'opened') throw new Error(`expected an incident, got ${taken.kind}`);
    const id = taken.incident.id;
    expect((await send(operator, 'POST', `/api/incidents/${id}/cameras`, { version: 1, cameras })).status).toBe(200);
    if (closed) {
      const outcome = { arrests: 0, policeAttended: false, footageRequested: false, noFurtherAction: true, summary: 'Dispersed' };
      expect((await send(operator, 'POST', `/api/incidents/${id}/acknowledge`, { version: 2 })).status).toBe(200);
      expect((await send(operator, 'POST', `/api/incidents/${id}/close`, { version: 3, outcome })).status).toBe(200);
    }
    return id;
  }
  const gapsOn = async (incidentId: string) =>
    ((await send(operator, 'GET', `/api/incidents/${incidentId}/timeline`)).body as TimelineEntry[]).filter((e) => e.kind.startsWith('recording-gap'));
  const cameraEvents = (cameraId: string) =>
    sql<{ envelope: { data: CameraChanged } }>(env.databaseUrl, `SELECT envelope FROM faults.outbox WHERE aggregate_id = $1 ORDER BY aggregate_version`, [`camera:${cameraId}`]);

  it('puts a gap with its start on each open incident the camera is on, and its end when the fix is verified', async () => {
    const open = await incidentWith(['NH-21', 'NH-22']);
    const closed = await incidentWith(['NH-21'], true);
    const other = await incidentWith(['NH-22']);

    const reported = await send(operator, 'POST', '/api/faults', { cameraId: 'NH-21', symptom: 'no-video' });
    expect(reported.status).toBe(201);
    const ticket = reported.body as FaultTicket;
    const wentDown = (await cameraEvents('NH-21')).map((e) => e.envelope.data).find((d) => d.status === 'faulty')!;

    const [started] = await eventually(async () => {
      const gaps = await gapsOn(open);
      expect(gaps).toHaveLength(1);
      return gaps;
    });
    expect(started).toMatchObject({ kind: 'recording-gap-started', actor: 'triage', reason: 'camera-went-down', version: 3, detail: { cameraId: 'NH-21', startedAt: wentDown.updatedAt, endedAt: null } });
    // Consoles hear of it as of any change: an incidentChanged event with the new version.
    const [announced] = await sql<{ subject: string; version: number }>(
      env.databaseUrl,
      `SELECT subject, aggregate_version AS version FROM triage.outbox WHERE aggregate_id = $1 AND envelope->'data'->>'change' = 'recording-gap-started'`,
      [`incident:${open}`],
    );
    expect(announced).toEqual({ subject: 'incident.north-herts.recording-gap-started', version: 3 });

    let version = ticket.version;
    for (const [who, command, body] of [
      [contractor, 'acknowledge', {}],
      [contractor, 'fixed', { report }],
      [operator, 'verify', {}],
    ] as const) {
      expect((await send(who, 'POST', `/api/tickets/${ticket.ticketId}/${command}`, { version, ...body })).status).toBe(200);
      version += 1;
    }
    const cameBack = (await cameraEvents('NH-21')).map((e) => e.envelope.data).find((d) => d.previousStatus === 'faulty')!;
    const ended = await eventually(async () => {
      const gaps = await gapsOn(open);
      expect(gaps).toHaveLength(2);
      return gaps[1];
    });
    expect(ended).toMatchObject({ kind: 'recording-gap-ended', reason: 'camera-came-back', version: 4, detail: { cameraId: 'NH-21', startedAt: wentDown.updatedAt, endedAt: cameBack.updatedAt } });
    expect(Date.parse(cameBack.updatedAt)).toBeGreaterThan(Date.parse(wentDown.updatedAt));

    expect(await gapsOn(closed)).toEqual([]);
    expect(await gapsOn(other)).toEqual([]);
  });

  it('takes a camera change once, however often it arrives, and never an overtaken one', async () => {
    const incident = await incidentWith(['NH-22']);
    expect((await send(operator, 'POST', '/api/faults', { cameraId: 'NH-22', symptom: 'network' })).status).toBe(201);
    await eventually(async () => expect(await gapsOn(incident)).toHaveLength(1));
    const events = (await cameraEvents('NH-22')).map((e) => e.envelope.data);
    const wentDown = events.find((d) => d.status === 'faulty')!;

    const again = await app.get(RecordCameraChangeUseCase).execute(wentDown);
    expect(again).toEqual({ decision: { action: 'none', reason: 'repeat' }, incidentIds: [] });
    const older = await app.get(RecordCameraChangeUseCase).execute({ ...events[0], status: 'faulty', previousStatus: 'in-service' });
    expect(older.decision).toEqual({ action: 'none', reason: 'stale' });
    expect(await gapsOn(incident)).toHaveLength(1);
  });
});
