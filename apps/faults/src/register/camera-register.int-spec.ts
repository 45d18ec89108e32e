import { INestApplication } from '@nestjs/common';
import { Principal } from '@vigil/auth';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Camera, CameraImportResult, envelopeSchema, EVENTS, RegisterCamera } from '@vigil/contracts';
import { callApi, createTestEnvironment, sql, TestEnvironment } from '@vigil/testing';
import { startFaultsAlone } from '../testing/start-faults-alone';
import { FAULTS_SCHEMA } from '../faults.schema';
import { CameraRegisterEntries1765900000000 } from '../migrations/1765900000000-camera-register-entries';

const operator: Principal = { subject: 'op-ann', role: 'operator' };
const police: Principal = { subject: 'pc-1234', role: 'police' };
const contractor: Principal = { subject: 'eng-1', role: 'contractor' };
const northHerts: Principal = { subject: 'nhdc-cctv', role: 'partner', partnerId: 'north-herts' };
const stevenage: Principal = { subject: 'sbc-cctv', role: 'partner', partnerId: 'stevenage' };

const hitchinCamera: RegisterCamera = {
  cameraId: 'NH-014',
  number: '14',
  location: 'Market Place j/w Bucklersbury',
  partnerId: 'north-herts',
  clientName: null,
  town: 'Hitchin Town Centre',
  siteId: 'hitchin-market',
  networkSegment: 'hitchin-ring',
  lat: 51.9492,
  lon: -0.2801,
  type: 'ptz-dome',
  monitoring: 'pro-active',
  retentionDays: 28,
};

const startFaults = (env: TestEnvironment, demo: boolean) => startFaultsAlone(env, { demo });

// Real Postgres and NATS (faults provisions its streams), faults' own routes and use cases; events are asserted in the outbox.
describe('the camera register over REST', () => {
  let env: TestEnvironment;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    env = await createTestEnvironment('cameras');
    ({ app, url } = await startFaults(env, false));
  });

  afterAll(async () => {
    await app?.close();
    await env?.dispose();
  });

  const send = (principal: Principal, method: string, path: string, body?: unknown, contentType?: string) =>
    callApi(url, env.platform.authSecret, principal, method, path, body, contentType);

  const outboxOf = (cameraId: string) =>
    sql<{ subject: string; change: string; version: number; status: string }>(
      env.databaseUrl,
      `SELECT subject, envelope->'data'->>'change' AS change, aggregate_version AS version, envelope->'data'->>'status' AS status
       FROM faults.outbox WHERE aggregate_id = $1 ORDER BY aggregate_version`,
      [`camera:${cameraId}`],
    );

  it('registers a camera in service, announces it, and refuses it twice with the one there', async () => {
    const created = await send(operator, 'POST', '/api/cameras', hitchinCamera);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...hitchinCamera, status: 'in-service', inPublicView: true, version: 1 });
    expect(await outboxOf('NH-014')).toEqual([{ subject: 'camera.north-herts.registered', change: 'registered', version: 1, status: 'in-service' }]);

    const again = await send(operator, 'POST', '/api/cameras', { ...hitchinCamera, location: 'elsewhere' });
    expect(again.status).toBe(409);
    expect(again.body.current).toMatchObject({ location: hitchinCamera.location, version: 1 });
  });

  it.each<[string, Principal, number]>([
    ['police', police, 403],
    ['the contractor', contractor, 403],
    ['a partner', northHerts, 403],
  ])('refuses a registration by %s', async (_who, principal, status) => {
    expect((await send(principal, 'POST', '/api/cameras', { ...hitchinCamera, cameraId: 'NH-099' })).status).toBe(status);
  });

  it('refuses a camera on a site of another owner', async () => {
    const answer = await send(operator, 'POST', '/api/cameras', { ...hitchinCamera, cameraId: 'BX-900', partnerId: null, clientName: 'Broxbourne' });
    expect(answer).toMatchObject({ status: 422, body: { reason: 'site-of-another-owner' } });
  });

  it('changes a camera only at the version seen, and withdraws it from public view with a reason', async () => {
    const stale = await send(operator, 'PATCH', '/api/cameras/NH-014', { version: 7, location: 'Bancroft' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ sentVersion: 7, current: { version: 1 } });

    const moved = await send(operator, 'PATCH', '/api/cameras/NH-014', { version: 1, location: 'Bancroft j/w Hermitage Road' });
    expect(moved).toMatchObject({ status: 200, body: { location: 'Bancroft j/w Hermitage Road', version: 2, status: 'in-service' } });

    const withdrawn = await send(operator, 'PATCH', '/api/cameras/NH-014', { version: 2, status: 'out-of-public-view', reason: 'police request: surveillance authority' });
    expect(withdrawn).toMatchObject({ status: 200, body: { status: 'out-of-public-view', inPublicView: false, version: 3 } });
    expect(await send(operator, 'PATCH', '/api/cameras/NH-014', { version: 3, status: 'out-of-public-view' })).toMatchObject({ status: 422, body: { reason: 'unchanged' } });
    expect((await send(contractor, 'PATCH', '/api/cameras/NH-014', { version: 3, location: 'x y z' })).status).toBe(403);

    expect((await outboxOf('NH-014')).map((e) => [e.subject, e.version])).toEqual([
      ['camera.north-herts.registered', 1],
      ['camera.north-herts.updated', 2],
      ['camera.north-herts.status-changed', 3],
    ]);
  });

  it('imports an asset list: new cameras registered, changed ones updated, bad rows refused by line', async () => {
    const csv = [
      'Camera No.,Asset Ref,Location,Town,Owner,Cabinet ID,Transmission,Latitude,Longitude,Camera Type,Pro-active/Reactive,Retention (days)',
      '14,NH-014,"Bancroft j/w Hermitage Road",Hitchin Town Centre,North Hertfordshire District Council,hitchin-market,hitchin-ring,51.9492,-0.2801,PTZ dome,Pro-active,31',
      '1,ST-001,"High Street, Old Town",Stevenage Old Town,Stevenage Borough Council,st-old-town-1,,51.9139,-0.2043,PTZ shoebox,Pro-active,',
      '2,ST-002,Church Lane,Stevenage Old Town,stevenage,st-old-town-1,,51.9140,-0.2050,static (reactive),Reactive,',
      '3,ST-003,Bowling Green,Stevenage Old Town,Herts County,st-old-town-1,,51.9141,-0.2051,PTZ dome,Reactive,',
      '900,BX-900,Cheshunt High St,Cheshunt,Broxbourne,hitchin-market,,51.70,-0.03,static,reactive,',
    ].join('\r\n');
    const answer = await send(operator, 'POST', '/api/cameras/import', csv, 'text/csv');
    expect(answer.status).toBe(200);
    const result = answer.body as CameraImportResult;
    expect(result).toMatchObject({ registered: 2, updated: 1, unchanged: 0 });
    expect(result.refused.map((r) => [r.line, r.cameraId])).toEqual([
      [5, 'ST-003'],
      [6, 'BX-900'],
    ]);
    expect(result.refused[1].problems).toEqual(['siteId: site hitchin-market belongs to another owner']);
    expect((await send(operator, 'GET', '/api/cameras/NH-014')).body).toMatchObject({ retentionDays: 31, status: 'out-of-public-view', version: 4 });

    // The same list again changes nothing.
    expect((await send(operator, 'POST', '/api/cameras/import', csv, 'text/csv')).body).toMatchObject({ registered: 0, updated: 0, unchanged: 3 });
  });

  it('refuses an asset list it cannot read, naming what is wrong', async () => {
    const answer = await send(operator, 'POST', '/api/cameras/import', 'Asset Ref,Location\r\nA1,High St\r\n', 'text/csv');
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/the header lacks town, owner, siteId/);
    expect((await send(contractor, 'POST', '/api/cameras/import', 'a,b\r\n', 'text/csv')).status).toBe(403);
  });

  it.each<[string, Principal, string[]]>([
    ['police see every camera', police, ['NH-014', 'ST-001', 'ST-002']],
    ['the contractor sees every camera', contractor, ['NH-014', 'ST-001', 'ST-002']],
    ['a partner sees its own', stevenage, ['ST-001', 'ST-002']],
    ['another partner its own', northHerts, ['NH-014']],
  ])('%s', async (_what, principal, ids) => {
    const list = await send(principal, 'GET', '/api/cameras');
    expect((list.body as Camera[]).map((c) => c.cameraId)).toEqual(ids);
  });

  it("answers a partner asking for another's camera as if there were none", async () => {
    expect((await send(stevenage, 'GET', '/api/cameras/NH-014')).status).toBe(404);
    expect((await send(stevenage, 'GET', '/api/cameras?partnerId=north-herts')).body).toEqual([]);
    expect((await send(northHerts, 'GET', '/api/cameras/NH-014')).status).toBe(200);
  });

  it('lists sites with their cameras, a partner only its own', async () => {
    const all = (await send(contractor, 'GET', '/api/sites')).body;
    expect(all).toEqual([
      { siteId: 'hitchin-market', partnerId: 'north-herts', clientName: null, town: 'Hitchin Town Centre', cameras: 1, camerasOutOfPublicView: 1 },
      { siteId: 'st-old-town-1', partnerId: 'stevenage', clientName: null, town: 'Stevenage Old Town', cameras: 2, camerasOutOfPublicView: 0 },
    ]);
    expect((await send(stevenage, 'GET', '/api/sites')).body.map((s: { siteId: string }) => s.siteId)).toEqual(['st-old-town-1']);
  });

  const registerEntriesOf = (cameraId: string) =>
    sql<{ subject: string; version: number; envelope: { id: string; data: Camera } }>(
      env.databaseUrl,
      `SELECT subject, aggregate_version AS version, envelope FROM faults.outbox WHERE aggregate_id = $1 ORDER BY aggregate_version`,
      [`camera-register-entry:${cameraId}`],
    );

  it("announces each version's register entry beside its change, keyed by the camera alone", async () => {
    const entries = await registerEntriesOf('NH-014');
    expect(entries.map((e) => [e.subject, e.version])).toEqual((await outboxOf('NH-014')).map((change) => ['register.camera.NH-014', change.version]));
    const current = (await send(operator, 'GET', '/api/cameras/NH-014')).body as Camera;
    expect(entries.at(-1)!.envelope.data).toEqual(current);
  });

  it('announces, once, the register entry of a camera registered before register entries existed', async () => {
    const current = (await send(operator, 'GET', '/api/cameras/NH-014')).body as Camera;
    // As the register stood before this release: changes announced, no register entries.
    await sql(env.databaseUrl, `DELETE FROM faults.outbox WHERE aggregate_id LIKE 'camera-register-entry:%'`);
    const migration = new CameraRegisterEntries1765900000000();
    const runner = app.get<DataSource>(getDataSourceToken(FAULTS_SCHEMA)).createQueryRunner();
    try {
      await migration.up(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const [entry] = await registerEntriesOf('NH-014');
    expect(await registerEntriesOf('NH-014')).toHaveLength(1);
    expect(entry).toMatchObject({ subject: 'register.camera.NH-014', version: current.version, envelope: { id: `camera-register-entry:NH-014:${current.version}` } });
    // What triage reads it with: the contract's envelope and camera, equal to the register's view.
    expect(envelopeSchema.safeParse(entry.envelope).success).toBe(true);
    expect(EVENTS.cameraRegisterEntry.schema.parse(entry.envelope.data)).toEqual(current);
  });
});

describe('the demo camera register', () => {
  let env: TestEnvironment;
  let app: INestApplication | undefined;

  afterAll(async () => {
    await app?.close();
    await env?.dispose();
  });

  it("fills an empty register with the partnership's 1,568 cameras once, each announced", async () => {
    env = await createTestEnvironment('democams');
    ({ app } = await startFaults(env, true));
    const count = async (query: string) => (await sql<{ n: number }>(env.databaseUrl, query))[0].n;
    expect(await count(`SELECT count(*)::int AS n FROM faults.camera`)).toBe(1568);
    expect(await count(`SELECT count(*)::int AS n FROM faults.camera WHERE partner_id IS NOT NULL`)).toBe(256);
    expect(await count(`SELECT count(*)::int AS n FROM faults.outbox WHERE subject LIKE 'camera.%.registered'`)).toBe(1568);
    // And each one's register entry, from which triage learns where they are.
    expect(await count(`SELECT count(*)::int AS n FROM faults.outbox WHERE subject LIKE 'register.camera.%'`)).toBe(1568);

    // A restart finds the register filled and leaves it alone.
    await app.close();
    ({ app } = await startFaults(env, true));
    expect(await count(`SELECT count(*)::int AS n FROM faults.outbox`)).toBe(2 * 1568);
  });
});
