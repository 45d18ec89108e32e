import { INestApplication } from '@nestjs/common';
import { Principal } from '@vigil/auth';
import { FaultTicket, RegisterCamera, TimelineEntry } from '@vigil/contracts';
import { callApi, createTestEnvironment, sql, TestEnvironment } from '@vigil/testing';
import { startFaultsAlone } from '../testing/start-faults-alone';
import { CheckSlaClockUseCase } from './sla/check-sla-clock.usecase';

const operator: Principal = { subject: 'op-ann', role: 'operator' };
const police: Principal = { subject: 'pc-1234', role: 'police' };
const contractor: Principal = { subject: 'eng-desk', role: 'contractor' };
const northHerts: Principal = { subject: 'nhdc-cctv', role: 'partner', partnerId: 'north-herts' };
const stevenage: Principal = { subject: 'sbc-cctv', role: 'partner', partnerId: 'stevenage' };

const h = 3_600_000;
const camera = (cameraId: string, siteId: string): RegisterCamera => ({
  cameraId,
  number: cameraId.slice(3),
  location: `Market Place ${cameraId}`,
  partnerId: 'north-herts',
  clientName: null,
  town: 'Hitchin Town Centre',
  siteId,
  networkSegment: null,
  lat: 51.9492,
  lon: -0.2801,
  type: 'ptz-dome',
  monitoring: 'pro-active',
  retentionDays: 28,
});
const report = { engineer: 'D. Evans', cause: 'Water in the camera housing', work: 'Replaced the housing seal and the PSU', partsReplaced: ['PSU 24V AC'] };

// Real Postgres and NATS, faults' own routes, use cases and timers; events are asserted in the outbox, timers in faults_timers.
describe('fault tickets over REST', () => {
  let env: TestEnvironment;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    env = await createTestEnvironment('tickets');
    ({ app, url } = await startFaultsAlone(env));
    for (const id of ['NH-014', 'NH-015', 'NH-016']) expect((await send(operator, 'POST', '/api/cameras', camera(id, `site-${id}`))).status).toBe(201);
  });

  afterAll(async () => {
    await app?.close();
    await env?.dispose();
  });

  const send = (principal: Principal, method: string, path: string, body?: unknown) => callApi(url, env.platform.authSecret, principal, method, path, body);
  const post = (principal: Principal, ticket: FaultTicket, command: string, body: unknown) => send(principal, 'POST', `/api/tickets/${ticket.ticketId}/${command}`, body);
  const cameraStatus = async (id: string) => (await send(operator, 'GET', `/api/cameras/${id}`)).body.status as string;
  const outbox = (aggregate: string) =>
    sql<{ subject: string; version: number }>(env.databaseUrl, `SELECT subject, aggregate_version AS version FROM faults.outbox WHERE aggregate_id = $1 ORDER BY aggregate_version`, [aggregate]);
  const timers = (ticketId: string) =>
    sql<{ key: string; run_at: Date }>(env.databaseUrl, `SELECT key, run_at FROM faults_timers.jobs WHERE key LIKE $1 ORDER BY key`, [`sla-clock:${ticketId}:%`]);

  it('takes a reported camera from a ticket with deadlines through to verified, the camera out of public view until then', async () => {
    const opened = await send(operator, 'POST', '/api/faults', { cameraId: 'NH-014', symptom: 'no-video', description: 'Black picture since 02:10' });
    expect(opened.status).toBe(201);
    const ticket = opened.body as FaultTicket;
    const reportedAt = Date.parse(ticket.reportedAt);
    expect(ticket).toMatchObject({ status: 'reported', severity: 'emergency', severityReason: 'loss-of-image', cameraIds: ['NH-014'], partnerId: 'north-herts', version: 1, reference: expect.stringMatching(/^FLT-\d{4}-\d{6}$/) });
    expect([Date.parse(ticket.response.dueAt) - reportedAt, Date.parse(ticket.fix.dueAt) - reportedAt]).toEqual([4 * h, 12 * h]);
    expect(await cameraStatus('NH-014')).toBe('faulty');
    expect((await timers(ticket.ticketId)).map((t) => [t.key, t.run_at.getTime()])).toEqual([
      [`sla-clock:${ticket.ticketId}:fix`, Date.parse(ticket.fix.warnAt)],
      [`sla-clock:${ticket.ticketId}:response`, Date.parse(ticket.response.warnAt)],
    ]);

    const steps: [Principal, string, Record<string, unknown>, Partial<FaultTicket>][] = [
      [contractor, 'acknowledge', {}, { status: 'acknowledged' }],
      [contractor, 'on-site', { engineer: 'D. Evans' }, { status: 'engineer-on-site' }],
      [contractor, 'fixed', { report }, { status: 'fixed', engineerReport: report }],
      [operator, 'verify', {}, { status: 'verified' }],
    ];
    let version = 1;
    for (const [principal, command, body, expected] of steps) {
      const answer = await post(principal, ticket, command, { version, ...body });
      expect({ command, status: answer.status }).toEqual({ command, status: 200 });
      version += 1;
      expect(answer.body).toMatchObject({ ...expected, version });
      if (command === 'on-site') expect(await timers(ticket.ticketId)).toHaveLength(1);
      if (command === 'fixed') expect(await cameraStatus('NH-014')).toBe('faulty');
    }
    expect(await cameraStatus('NH-014')).toBe('in-service');
    expect(await timers(ticket.ticketId)).toEqual([]);

    expect((await outbox(`ticket:${ticket.ticketId}`)).map((e) => e.subject)).toEqual([
      'fault.north-herts.opened',
      'fault.north-herts.acknowledged',
      'fault.north-herts.engineer-on-site',
      'fault.north-herts.fixed',
      'fault.north-herts.verified',
    ]);
    expect((await outbox('camera:NH-014')).map((e) => e.subject)).toEqual(['camera.north-herts.registered', 'camera.north-herts.status-changed', 'camera.north-herts.status-changed']);
    const timeline = (await send(contractor, 'GET', `/api/tickets/${ticket.ticketId}/timeline`)).body as TimelineEntry[];
    expect(timeline.map((e) => [e.kind, e.actor, e.version])).toEqual([
      ['opened', 'op-ann', 1],
      ['acknowledged', 'eng-desk', 2],
      ['engineer-on-site', 'eng-desk', 3],
      ['fixed', 'eng-desk', 4],
      ['verified', 'op-ann', 5],
    ]);

    // Every channel gives each audience its own view: police what is broken and when it is mended,
    // the owning partner the engineer's report but not the contract's internals.
    const asPolice = (await send(police, 'GET', `/api/tickets/${ticket.ticketId}`)).body;
    expect(asPolice).toMatchObject({ reference: ticket.reference, status: 'verified' });
    expect(Object.keys(asPolice)).toEqual(expect.not.arrayContaining(['engineerReport', 'contract', 'severityReason', 'reopenCount']));
    expect(Object.keys(asPolice.response)).toEqual(expect.not.arrayContaining(['warnAt', 'warned']));
    const policeBoard = (await send(police, 'GET', '/api/tickets')).body as Record<string, unknown>[];
    expect(policeBoard.length).toBeGreaterThan(0);
    expect(policeBoard.filter((t) => 'engineerReport' in t || 'contract' in t)).toEqual([]);
    const policeTimeline = (await send(police, 'GET', `/api/tickets/${ticket.ticketId}/timeline`)).body as TimelineEntry[];
    expect(policeTimeline.find((e) => e.kind === 'fixed')?.detail).toEqual({});
    expect(timeline.find((e) => e.kind === 'fixed')?.detail).toEqual({ report });
    const asOwner = (await send(northHerts, 'GET', `/api/tickets/${ticket.ticketId}`)).body;
    expect(asOwner).toMatchObject({ engineerReport: report });
    expect(Object.keys(asOwner)).toEqual(expect.not.arrayContaining(['contract', 'severityReason', 'reopenCount']));
  });

  it('answers a second report of a camera with its open ticket, not a second ticket', async () => {
    const first = await send(police, 'POST', '/api/faults', { cameraId: 'NH-015', symptom: 'poor-image', clientReference: 'form-7' });
    expect(first).toMatchObject({ status: 201, body: { severity: 'standard', reportedBy: 'pc-1234' } });
    const second = await send(operator, 'POST', '/api/faults', { cameraId: 'NH-015', symptom: 'no-video' });
    expect(second).toMatchObject({ status: 200, body: { ticketId: first.body.ticketId } });
    expect((await sql(env.databaseUrl, `SELECT 1 FROM faults.fault WHERE camera_id = 'NH-015'`)).length).toBe(1);
  });

  it('refuses a stale version with the ticket as it is, a step out of order by name, and a role that may not', async () => {
    const ticket = (await send(operator, 'POST', '/api/faults', { cameraId: 'NH-016', symptom: 'no-ptz-control' })).body as FaultTicket;
    expect(await post(contractor, ticket, 'acknowledge', { version: 1 })).toMatchObject({ status: 200, body: { version: 2 } });
    expect(await post(contractor, ticket, 'on-site', { version: 1, engineer: 'x' })).toMatchObject({ status: 409, body: { sentVersion: 1, current: { version: 2, status: 'acknowledged' } } });
    expect(await post(operator, ticket, 'verify', { version: 2 })).toMatchObject({ status: 422, body: { reason: 'not-fixed' } });
    expect((await post(contractor, ticket, 'fixed', { version: 2, report })).status).toBe(200);
    expect((await post(contractor, ticket, 'verify', { version: 3 })).status).toBe(403);
    expect((await post(northHerts, ticket, 'verify', { version: 3 })).status).toBe(403);
    expect((await post(stevenage, ticket, 'verify', { version: 3 })).status).toBe(404);
    expect((await post(operator, ticket, 'fixed', { version: 3 })).status).toBe(400);

    const reopened = await post(operator, ticket, 'reopen', { version: 3, reason: 'PTZ still drifts off preset' });
    expect(reopened).toMatchObject({ status: 200, body: { status: 'reopened', reopenCount: 1, version: 4, response: { metAt: null } } });
    expect(await timers(ticket.ticketId)).toHaveLength(2);
  });

  it('shows a partner its own tickets only, the contractor all, on the board soonest deadline first', async () => {
    const board = (await send(contractor, 'GET', '/api/tickets?board=open')).body as FaultTicket[];
    expect(board.map((t) => t.cameraIds[0])).toEqual(['NH-016', 'NH-015']);
    expect(((await send(stevenage, 'GET', '/api/tickets')).body as FaultTicket[]).length).toBe(0);
    expect(((await send(northHerts, 'GET', '/api/tickets')).body as FaultTicket[]).length).toBe(3);
    expect(((await send(contractor, 'GET', '/api/tickets?cameraId=NH-014')).body as FaultTicket[]).map((t) => t.status)).toEqual(['verified']);
  });

  it('stops the clocks for planned maintenance, warns and breaches once each, whenever the timer runs', async () => {
    const now = Date.now();
    await sql(
      env.databaseUrl,
      `INSERT INTO faults.maintenance_window (id, scope, target, starts_at, ends_at, reason, created_by, created_at, version)
       VALUES (gen_random_uuid(), 'site', 'site-NH-017', $1, $2, 'column replacement', 'op-ann', now(), 1)`,
      [new Date(now + 1 * h), new Date(now + 3 * h)],
    );
    expect((await send(operator, 'POST', '/api/cameras', camera('NH-017', 'site-NH-017'))).status).toBe(201);
    const ticket = (await send(operator, 'POST', '/api/faults', { cameraId: 'NH-017', symptom: 'no-video' })).body as FaultTicket;
    const reportedAt = Date.parse(ticket.reportedAt);
    // Emergency: 4 h to attend, plus the 2 h window inside them.
    expect(Date.parse(ticket.response.dueAt) - reportedAt).toBe(6 * h);

    const check = app.get(CheckSlaClockUseCase);
    expect(await check.execute(ticket.ticketId, 'response', new Date(reportedAt + 1 * h))).toEqual({ action: 'reschedule', at: Date.parse(ticket.response.warnAt), reason: 'moved-by-maintenance' });
    expect(await check.execute(ticket.ticketId, 'response', new Date(Date.parse(ticket.response.warnAt)))).toEqual({ action: 'warn', reason: 'warning-time-reached' });
    // faults down past both the deadline: the late run breaches, and a second run of the same timer does nothing.
    expect(await check.execute(ticket.ticketId, 'response', new Date(reportedAt + 7 * h))).toEqual({ action: 'breach', reason: 'deadline-passed' });
    expect(await check.execute(ticket.ticketId, 'response', new Date(reportedAt + 8 * h))).toEqual({ action: 'none', reason: 'already-breached' });

    const after = (await send(contractor, 'GET', `/api/tickets/${ticket.ticketId}`)).body as FaultTicket;
    expect(after).toMatchObject({ version: 3, response: { warned: true, breached: true } });
    expect((await outbox(`ticket:${ticket.ticketId}`)).map((e) => e.subject)).toEqual(['fault.north-herts.opened', 'fault.north-herts.response-warning', 'fault.north-herts.response-breached']);
    expect((await timers(ticket.ticketId)).map((t) => t.key)).toEqual([`sla-clock:${ticket.ticketId}:fix`]);
  });

  it('moves the deadlines of the open tickets a planned window covers, and back when it is cancelled', async () => {
    expect((await send(operator, 'POST', '/api/cameras', camera('NH-018', 'site-NH-018'))).status).toBe(201);
    const ticket = (await send(operator, 'POST', '/api/faults', { cameraId: 'NH-018', symptom: 'damaged' })).body as FaultTicket;
    const start = Date.parse(ticket.reportedAt) + 2 * h;
    const window = { scope: 'site', target: 'site-NH-018', startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3 * h).toISOString(), reason: 'mast repainting' };

    expect((await send(contractor, 'POST', '/api/maintenance-windows', window)).status).toBe(403);
    expect(await send(operator, 'POST', '/api/maintenance-windows', { ...window, target: 'nowhere' })).toMatchObject({ status: 422, body: { reason: 'unknown-target' } });
    const planned = await send(operator, 'POST', '/api/maintenance-windows', window);
    expect(planned).toMatchObject({ status: 201, body: { ticketsMoved: 1, window: { scope: 'site', version: 1 } } });
    const moved = (await send(contractor, 'GET', `/api/tickets/${ticket.ticketId}`)).body as FaultTicket;
    expect(Date.parse(moved.fix.dueAt) - Date.parse(ticket.fix.dueAt)).toBe(3 * h);
    expect(moved.version).toBe(2);

    const windowId = planned.body.window.windowId as string;
    expect((await send(operator, 'POST', `/api/maintenance-windows/${windowId}/cancel`, { version: 2, reason: 'weather' })).status).toBe(409);
    expect(await send(operator, 'POST', `/api/maintenance-windows/${windowId}/cancel`, { version: 1, reason: 'weather' })).toMatchObject({ status: 200, body: { ticketsMoved: 1, window: { version: 2 } } });
    const back = (await send(contractor, 'GET', `/api/tickets/${ticket.ticketId}`)).body as FaultTicket;
    expect(back.fix.dueAt).toBe(ticket.fix.dueAt);
    expect((await outbox(`ticket:${ticket.ticketId}`)).map((e) => e.subject)).toEqual(['fault.north-herts.opened', 'fault.north-herts.deadlines-moved', 'fault.north-herts.deadlines-moved']);
    expect((await send(police, 'GET', '/api/maintenance-windows?target=site-NH-018')).body).toEqual([]);
  });
});
