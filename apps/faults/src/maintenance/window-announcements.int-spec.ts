import { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@vigil/auth';
import { Envelope, envelopeSchema, EVENTS, MaintenanceWindow, RegisterCamera } from '@vigil/contracts';
import { callApi, createTestEnvironment, sql, TestEnvironment } from '@vigil/testing';
import { startFaultsAlone } from '../testing/start-faults-alone';
import { FAULTS_SCHEMA } from '../faults.schema';
import { MaintenanceWindowAnnouncements1766400000000 } from '../migrations/1766400000000-maintenance-window-announcements';

const operator: Principal = { subject: 'op-ann', role: 'operator' };
const h = 3_600_000;
const camera: RegisterCamera = {
  cameraId: 'NH-031',
  number: '31',
  location: 'Bancroft j/w Hermitage Road',
  partnerId: 'north-herts',
  clientName: null,
  town: 'Hitchin Town Centre',
  siteId: 'hitchin-bancroft',
  networkSegment: null,
  lat: 51.9501,
  lon: -0.2789,
  type: 'static',
  monitoring: 'pro-active',
  retentionDays: 28,
};

// Real Postgres and NATS, faults' own routes; the announcements are asserted in faults' outbox.
describe("faults' maintenance window announcements", () => {
  let env: TestEnvironment;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    env = await createTestEnvironment('windowsout');
    ({ app, url } = await startFaultsAlone(env));
    expect((await send('POST', '/api/cameras', camera)).status).toBe(201);
  });

  afterAll(async () => {
    await app?.close();
    await env?.dispose();
  });

  const send = (method: string, path: string, body?: unknown) => callApi(url, env.platform.authSecret, operator, method, path, body);
  const announcementsOf = (windowId: string) =>
    sql<{ subject: string; version: number; envelope: Envelope }>(env.databaseUrl, `SELECT subject, aggregate_version AS version, envelope FROM faults.outbox WHERE aggregate_id = $1 ORDER BY aggregate_version`, [`maintenance-window:${windowId}`]);
  const plan = async (startsAt: number, endsAt: number, reason = 'camera replaced') => {
    const answer = await send('POST', '/api/maintenance-windows', { scope: 'camera', target: 'NH-031', startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString(), reason });
    expect(answer.status).toBe(201);
    return answer.body.window as MaintenanceWindow;
  };
  /** What a reader makes of an announcement: the contract's envelope and payload. */
  const read = (envelope: Envelope) => {
    expect(envelopeSchema.safeParse(envelope).success).toBe(true);
    return EVENTS.maintenanceWindowChanged.schema.parse(envelope.data);
  };

  it('announces a planned window and its cancellation, each version once, without who did it', async () => {
    const window = await plan(Date.now() + h, Date.now() + 3 * h);
    expect((await send('POST', `/api/maintenance-windows/${window.windowId}/cancel`, { version: 1, reason: 'engineer off sick' })).status).toBe(200);

    const [planned, cancelled, ...more] = await announcementsOf(window.windowId);
    expect(more).toEqual([]);
    expect(planned).toMatchObject({ subject: `maintenance.window.${window.windowId}`, version: 1, envelope: { id: `maintenance-window:${window.windowId}:1`, type: 'vigil.maintenance-window.changed' } });
    const { createdBy, ...published } = window;
    expect(createdBy).toBe('op-ann');
    expect(read(planned.envelope)).toEqual(published);
    expect(JSON.stringify(planned.envelope)).not.toContain('op-ann');
    expect(cancelled).toMatchObject({ subject: `maintenance.window.${window.windowId}`, version: 2 });
    expect(read(cancelled.envelope)).toEqual({ ...published, cancelledAt: expect.any(String), version: 2 });
  });

  it('backfills the windows planned before it announced them that are still to come or under way, once', async () => {
    const underWay = await plan(Date.now() - h, Date.now() + h);
    const over = await plan(Date.now() - 3 * h, Date.now() - 2 * h);
    const cancelled = await plan(Date.now() + h, Date.now() + 2 * h);
    expect((await send('POST', `/api/maintenance-windows/${cancelled.windowId}/cancel`, { version: 1, reason: 'not needed' })).status).toBe(200);
    // As faults stood before this release: windows, no announcements.
    await sql(env.databaseUrl, `DELETE FROM faults.outbox WHERE aggregate_id LIKE 'maintenance-window:%'`);

    const migration = new MaintenanceWindowAnnouncements1766400000000();
    const runner = app.get<DataSource>(getDataSourceToken(FAULTS_SCHEMA)).createQueryRunner();
    try {
      await migration.up(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const announced = await announcementsOf(underWay.windowId);
    expect(announced).toHaveLength(1);
    const { createdBy: _author, ...published } = underWay;
    expect(read(announced[0].envelope)).toEqual(published);
    expect(await announcementsOf(over.windowId)).toEqual([]);
    expect(await announcementsOf(cancelled.windowId)).toEqual([]);
  });
});
