import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PlatformModule } from '@vigil/config';
import type { MaintenanceWindowChanged } from '@vigil/contracts';
import { appDatabaseModule } from '@vigil/db';
import { createTestEnvironment, eventually, sql, TestEnvironment } from '@vigil/testing';
import { appTimersProvider, timersSchemaFor } from '@vigil/timers';
import { Alert, maintenanceMuter, MatchedRoute } from '../domain';
import { alertStore } from '../alerts/alert-store';
import { groupStore } from '../groups/group-store';
import { NOTIFY_MIGRATIONS } from '../notify.migrations';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { NOTIFY_TIMERS } from '../notify-timers';
import { anAlert } from '../testing/notify-fixtures';
import { EndMaintenanceWindowUseCase } from './end-maintenance-window.usecase';
import { MAINTENANCE } from './maintenance.parts';
import { MaintenanceWindowStore } from './maintenance-window-store';
import { TakeMaintenanceWindowUseCase } from './take-maintenance-window.usecase';

const MINUTE = 60_000;
const LATER = new Date('2099-01-01T00:00:00Z');
let windows = 0;
/** A new window over one Hitchin camera, under way from a minute ago for an hour, as faults announces it. */
function planned(fields: Partial<MaintenanceWindowChanged> = {}): MaintenanceWindowChanged {
  windows += 1;
  return {
    windowId: `3c9e7a12-5b4d-4f2e-8a61-${String(windows).padStart(12, '0')}`,
    scope: 'camera',
    target: `NH-${100 + windows}`,
    startsAt: new Date(Date.now() - MINUTE).toISOString(),
    endsAt: new Date(Date.now() + 60 * MINUTE).toISOString(),
    reason: 'Camera head replaced',
    cancelledAt: null,
    version: 1,
    ...fields,
  };
}
const cancelled = (window: MaintenanceWindowChanged, at = new Date()): MaintenanceWindowChanged => ({ ...window, cancelledAt: at.toISOString(), version: window.version + 1 });

const contractorRoute: MatchedRoute = {
  rule: 'faults',
  path: ['everything', 'faults'],
  receiver: { name: 'contractor', role: 'maintenance-contractor', channels: [{ type: 'socket', sendResolved: true }] },
  groupBy: ['...'],
  groupWaitMs: 0,
  groupIntervalMs: 5 * MINUTE,
  repeatIntervalMs: 4 * 3_600_000,
  escalation: null,
};

// Real Postgres and notify's timer runner; windows arrive through the use case the consumer calls.
describe("notify's copy of faults' maintenance windows", () => {
  let env: TestEnvironment;
  let app: INestApplication;
  let dataSource: DataSource;
  let take: TakeMaintenanceWindowUseCase;
  let store: MaintenanceWindowStore;

  beforeAll(async () => {
    env = await createTestEnvironment('notifywindows');
    @Module({
      imports: [PlatformModule.forRoot(env.platform, 'notify-test'), appDatabaseModule({ url: env.databaseUrl, schema: NOTIFY_SCHEMA, entities: [], migrations: NOTIFY_MIGRATIONS })],
      providers: [appTimersProvider({ url: env.databaseUrl, appSchema: NOTIFY_SCHEMA, runner: { pollIntervalMs: 200 } }), ...MAINTENANCE.providers],
    })
    class NotifyMaintenance {}
    app = await NestFactory.create(NotifyMaintenance, { logger: false });
    await app.init();
    dataSource = app.get<DataSource>(getDataSourceToken(NOTIFY_SCHEMA));
    take = app.get(TakeMaintenanceWindowUseCase);
    store = app.get(MaintenanceWindowStore);
  });

  afterAll(async () => {
    await app?.close();
    await env?.dispose();
  });

  const kept = async (windowId: string) => (await sql<{ version: number; cancelled_at: Date | null; released_ends_at: Date | null; updated_at: Date }>(env.databaseUrl, `SELECT * FROM notify.maintenance_window WHERE id = $1`, [windowId]))[0];
  const endTimer = async (windowId: string) =>
    (await sql<{ run_at: Date }>(env.databaseUrl, `SELECT run_at FROM "${timersSchemaFor(NOTIFY_SCHEMA)}".jobs WHERE key = $1`, [`${NOTIFY_TIMERS.maintenanceEnd}:${windowId}`]))[0];
  /** Whether the windows in force now hold back a fault on the camera. */
  const mutedNow = async (camera: string) => maintenanceMuter(await store.inForce(new Date())).mutes(anAlert({ fingerprint: `fault:${camera}`, labels: { kind: 'fault', grade: undefined, camera } }), new Date()).muted;
  /** A firing fault on a camera, alone in its group, held back at its last flush: its next flush far away. */
  async function heldFault(camera: string): Promise<{ groupKey: string; alert: Alert }> {
    const alert = anAlert({ fingerprint: `fault:${camera}`, labels: { kind: 'fault', grade: undefined, camera, scope: 'camera' } });
    const groupKey = `everything/faults:{fingerprint="fault:${camera}"}`;
    await dataSource.transaction(async (manager) => {
      await alertStore.saveAll(manager, [alert], new Date());
      await groupStore.joinAll(manager, [{ groupKey, route: contractorRoute, timing: { createdAt: new Date(), lastFlushAt: new Date(), flushAt: LATER } }], [{ groupKey, fingerprint: alert.fingerprint }]);
    });
    return { groupKey, alert };
  }
  const flushAt = async (groupKey: string) => (await sql<{ flush_at: Date }>(env.databaseUrl, `SELECT flush_at FROM notify.alert_group WHERE group_key = $1`, [groupKey]))[0].flush_at;

  it('keeps a planned window, mutes what it covers with it, and sets its end timer for its end', async () => {
    const window = planned();
    expect(await take.execute(window)).toBe('planned');

    expect(await kept(window.windowId)).toMatchObject({ version: 1, cancelled_at: null, released_ends_at: null });
    expect((await endTimer(window.windowId)).run_at.toISOString()).toBe(window.endsAt);
    const fault = anAlert({ fingerprint: 'fault:x', labels: { kind: 'fault', grade: undefined, camera: window.target } });
    expect(maintenanceMuter(await store.inForce(new Date())).mutes(fault, new Date())).toEqual({ muted: true, reason: 'in-maintenance', by: window.windowId });
    expect(await mutedNow('NH-999')).toBe(false);
  });

  it('lets the newest version win whatever the order, and a replay change nothing', async () => {
    const window = planned();
    const cancellation = cancelled(window);
    expect(await take.execute(cancellation)).toBe('over-before-known');
    expect(await take.execute(window)).toBe('stale-version');
    const afterCancel = await kept(window.windowId);
    expect(afterCancel).toMatchObject({ version: 2, cancelled_at: new Date(cancellation.cancelledAt!) });
    expect(await mutedNow(window.target)).toBe(false);

    expect(await take.execute(cancellation)).toBe('stale-version');
    expect(await kept(window.windowId)).toEqual(afterCancel);
  });

  it('sends what a cancelled window held at once: its groups are due now, and only those', async () => {
    const window = planned();
    await take.execute(window);
    const covered = await heldFault(window.target);
    const elsewhere = await heldFault('NH-998');

    const before = Date.now();
    expect(await take.execute(cancelled(window))).toBe('cancelled');
    expect((await flushAt(covered.groupKey)).getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect((await flushAt(covered.groupKey)).getTime()).toBeLessThanOrEqual(Date.now());
    expect(await flushAt(elsewhere.groupKey)).toEqual(LATER);
    expect(await kept(window.windowId)).toMatchObject({ released_ends_at: expect.any(Date) });
    expect(await endTimer(window.windowId)).toBeUndefined();
    expect(await mutedNow(window.target)).toBe(false);
  });

  it('sends what a window held when its end timer fires, once', async () => {
    const window = planned({ endsAt: new Date(Date.now() + 1_500).toISOString() });
    await take.execute(window);
    const covered = await heldFault(window.target);

    await eventually(async () => expect(await flushAt(covered.groupKey)).not.toEqual(LATER), { timeoutMs: 10_000 });
    expect((await flushAt(covered.groupKey)).getTime()).toBeGreaterThanOrEqual(Date.parse(window.endsAt));
    expect((await kept(window.windowId)).released_ends_at).toEqual(new Date(window.endsAt));
    await eventually(async () => expect(await endTimer(window.windowId)).toBeUndefined());
    // Released for this end: the timer run again (a retry, another replica) or a replay brings nothing forward.
    await sql(env.databaseUrl, `UPDATE notify.alert_group SET flush_at = $2 WHERE group_key = $1`, [covered.groupKey, LATER]);
    expect(await app.get(EndMaintenanceWindowUseCase).execute(window.windowId)).toBe('released');
    expect(await take.execute(window)).toBe('stale-version');
    expect(await flushAt(covered.groupKey)).toEqual(LATER);
  });

  it('brings nothing forward for a window cancelled before it started', async () => {
    const window = planned({ startsAt: new Date(Date.now() + 30 * MINUTE).toISOString() });
    await take.execute(window);
    const untouched = await heldFault(window.target);
    expect(await take.execute(cancelled(window))).toBe('cancelled');
    expect(await flushAt(untouched.groupKey)).toEqual(LATER);
  });
});
