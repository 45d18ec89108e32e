import { INestApplication } from '@nestjs/common';
import { Principal, signToken } from '@vigil/auth';
import { FaultTicket, RegisterCamera } from '@vigil/contracts';
import { createTestEnvironment, eventually, TestEnvironment } from '@vigil/testing';
import { startFaultsAlone } from '../testing/start-faults-alone';
import { londonYearMonth } from '../domain/figures/london-calendar';
import { SlaContract } from '../domain/sla-contract';
import { PlanMaintenanceUseCase } from '../maintenance/plan-maintenance.usecase';
import { parseCsv } from '../register/csv/parse-csv';
import { RegisterCameraUseCase } from '../register/register-camera.usecase';
import { ChangeTicketUseCase } from '../tickets/change-ticket/change-ticket.usecase';
import { ReportFaultUseCase } from '../tickets/report-fault/report-fault.usecase';
import { TicketResult } from '../tickets/ticket-result';

const operator: Principal = { subject: 'op-ann', role: 'operator' };
const contractor: Principal = { subject: 'eng-desk', role: 'contractor' };
const police: Principal = { subject: 'pc-1234', role: 'police' };
const stevenage: Principal = { subject: 'sbc-cctv', role: 'partner', partnerId: 'stevenage' };

// Ten years to attend and twenty to fix: no warning or breach of the 2026 history below falls due
// before 2034, so no timer changes those tickets behind the test's back; ticket E's, reported in
// 1990, are long overdue and breach as soon as the timers run.
const TEN_YEARS = 10 * 365 * 24 * 60;
const LONG_CONTRACT: SlaContract = { name: 'figures-test', times: { emergency: { respondMinutes: TEN_YEARS, fixMinutes: 2 * TEN_YEARS }, standard: { respondMinutes: TEN_YEARS, fixMinutes: 2 * TEN_YEARS } }, warnAtFraction: 0.8 };
const at = (iso: string) => new Date(iso);
const report = { engineer: 'D. Evans', cause: 'Water in the housing, "again"', work: 'Resealed, replaced the PSU', partsReplaced: [] };

const camera = (cameraId: string, owner: { partnerId: string } | { clientName: string }, siteId: string): RegisterCamera => ({
  cameraId,
  number: cameraId,
  location: `Market Place, ${cameraId}`,
  partnerId: 'partnerId' in owner ? owner.partnerId : null,
  clientName: 'clientName' in owner ? owner.clientName : null,
  town: 'Hitchin Town Centre',
  siteId,
  networkSegment: null,
  lat: 51.9492,
  lon: -0.2801,
  type: 'ptz-dome',
  monitoring: 'pro-active',
  retentionDays: 28,
});

// Real Postgres, faults' own use cases to write a half-year of history at chosen times, the figures read over REST.
describe('fault figures over REST', () => {
  let env: TestEnvironment;
  let app: INestApplication;
  let url: string;
  let ticketA: FaultTicket;

  beforeAll(async () => {
    env = await createTestEnvironment('figures');
    ({ app, url } = await startFaultsAlone(env, { slaContract: LONG_CONTRACT }));

    const register = app.get(RegisterCameraUseCase);
    const registered = at('2025-12-01T00:00:00Z');
    await register.execute(operator, camera('NH-A', { partnerId: 'north-herts' }, 'site-a'), registered);
    await register.execute(operator, camera('NH-B', { partnerId: 'north-herts' }, 'site-b'), registered);
    await register.execute(operator, camera('SB-C', { partnerId: 'stevenage' }, 'site-c'), registered);
    await register.execute(operator, camera('CL-D', { clientName: 'Hitchin Retail Park' }, 'site-d'), registered);
    await register.execute(operator, camera('CL-E', { clientName: 'Kings Court' }, 'site-e'), at('1989-01-01T00:00:00Z'));

    const reportFault = app.get(ReportFaultUseCase);
    const change = app.get(ChangeTicketUseCase);
    const ticketOf = (result: TicketResult) => {
      if (result.kind !== 'opened' && result.kind !== 'changed') throw new Error(`unexpected ${result.kind}`);
      return result.ticket;
    };
    const work = async (ticket: FaultTicket, steps: [string, string][]) => {
      let current = ticket;
      for (const [name, when] of steps) {
        const body = { version: current.version, ...(name === 'on-site' ? { engineer: 'D. Evans' } : {}), ...(name === 'fixed' ? { report } : {}) };
        const by = name === 'verify' ? operator : contractor;
        current = ticketOf(await change.execute(by, current.ticketId, { name, body } as never, at(when)));
      }
      return current;
    };
    // A: spans the Q1/Q2 boundary (23:00 UTC on 31 March is midnight BST), with planned maintenance inside.
    await app.get(PlanMaintenanceUseCase).create(operator, { scope: 'camera', target: 'NH-A', startsAt: '2026-04-01T06:00:00Z', endsAt: '2026-04-01T08:00:00Z', reason: 'mast inspection booked before the fault' }, at('2026-03-20T00:00:00Z'));
    ticketA = ticketOf(await reportFault.execute(operator, { cameraId: 'NH-A', symptom: 'no-video', description: null, incidentId: null, clientReference: null }, at('2026-03-31T12:00:00Z')));
    await work(ticketA, [['acknowledge', '2026-03-31T12:30:00Z'], ['on-site', '2026-03-31T13:00:00Z'], ['fixed', '2026-04-01T10:00:00Z'], ['verify', '2026-04-01T12:00:00Z']]);
    const ticketC = ticketOf(await reportFault.execute(operator, { cameraId: 'SB-C', symptom: 'poor-image', description: null, incidentId: null, clientReference: null }, at('2026-02-10T09:00:00Z')));
    await work(ticketC, [['acknowledge', '2026-02-10T10:00:00Z'], ['on-site', '2026-02-10T11:00:00Z'], ['fixed', '2026-02-10T15:00:00Z'], ['verify', '2026-02-10T16:00:00Z']]);
    // D: still open, down from 5 May to the end of the period.
    ticketOf(await reportFault.execute(operator, { cameraId: 'CL-D', symptom: 'damaged', description: null, incidentId: null, clientReference: null }, at('2026-05-05T10:00:00Z')));
    // E: open since 1990, its deadlines long gone: its timers breach both clocks now.
    ticketOf(await reportFault.execute(operator, { cameraId: 'CL-E', symptom: 'no-video', description: null, incidentId: null, clientReference: null }, at('1990-01-01T00:00:00Z')));
  });

  afterAll(async () => {
    await app?.close();
    await env?.dispose();
  });

  async function get(principal: Principal, path: string, accept = 'application/json'): Promise<{ status: number; type: string | null; body: any; text: string }> {
    const response = await fetch(`${url}/api/fault-figures${path}`, { headers: { Authorization: `Bearer ${signToken(principal, env.platform.authSecret, 600)}`, Accept: accept } });
    const text = await response.text();
    const type = response.headers.get('content-type');
    return { status: response.status, type, text, body: type?.startsWith('application/json') ? JSON.parse(text) : undefined };
  }
  const HALF_YEAR = '?from=2026-01-01&to=2026-07-01';

  it("lists a camera's fault history with each step's time and the engineer's report", async () => {
    const history = await get(operator, `/cameras/NH-A/history${HALF_YEAR}`);
    expect(history.status).toBe(200);
    expect(history.body).toEqual([
      {
        cameraId: 'NH-A',
        ticketId: ticketA.ticketId,
        reference: ticketA.reference,
        symptom: 'no-video',
        severity: 'emergency',
        origin: 'person',
        reportedAt: '2026-03-31T12:00:00.000Z',
        acknowledgedAt: '2026-03-31T12:30:00.000Z',
        onSiteAt: '2026-03-31T13:00:00.000Z',
        fixedAt: '2026-04-01T10:00:00.000Z',
        verifiedAt: '2026-04-01T12:00:00.000Z',
        downUntil: '2026-04-01T12:00:00.000Z',
        status: 'verified',
        responseBreached: false,
        fixBreached: false,
        reopenCount: 0,
        cause: report.cause,
        work: report.work,
      },
    ]);
    expect((await get(operator, `/cameras/NH-A/history?from=2026-04-01&to=2026-07-01`)).body).toEqual([]);
    // Police read what broke and when, never the engineer's report, here as on a ticket.
    const asPolice = (await get(police, `/cameras/NH-A/history${HALF_YEAR}`)).body;
    expect(asPolice).toEqual([{ ...history.body[0], cause: null, work: null }]);
  });

  it('gives mean time to respond and to repair, planned maintenance left out, all owners first', async () => {
    const times = await get(operator, `/response-times${HALF_YEAR}`);
    expect(times.body).toEqual([
      // A: on site after 60 min, fixed after 22 h less 2 h of maintenance; C: 120 and 360 min; D: not attended.
      { owner: 'all', tickets: 3, responded: 2, meanRespondMinutes: 90, repaired: 2, meanRepairMinutes: 780 },
      { owner: 'Hitchin Retail Park', tickets: 1, responded: 0, meanRespondMinutes: null, repaired: 0, meanRepairMinutes: null },
      { owner: 'north-herts', tickets: 1, responded: 1, meanRespondMinutes: 60, repaired: 1, meanRepairMinutes: 1200 },
      { owner: 'stevenage', tickets: 1, responded: 1, meanRespondMinutes: 120, repaired: 1, meanRepairMinutes: 360 },
    ]);
  });

  it('gives availability per camera and per owner, down until verified, maintenance neither up nor down', async () => {
    const cameras = await get(operator, `/availability/cameras${HALF_YEAR}`);
    // The half-year is 4,343 h in London (the clocks went forward); NH-A had 2 h of maintenance, inside its 24 h fault.
    expect(cameras.body).toEqual([
      { cameraId: 'CL-D', number: 'CL-D', owner: 'Hitchin Retail Park', scheduledHours: 4343, downHours: 1357, availabilityPercent: 68.754 },
      { cameraId: 'CL-E', number: 'CL-E', owner: 'Kings Court', scheduledHours: 4343, downHours: 4343, availabilityPercent: 0 },
      { cameraId: 'NH-A', number: 'NH-A', owner: 'north-herts', scheduledHours: 4341, downHours: 22, availabilityPercent: 99.493 },
      { cameraId: 'NH-B', number: 'NH-B', owner: 'north-herts', scheduledHours: 4343, downHours: 0, availabilityPercent: 100 },
      { cameraId: 'SB-C', number: 'SB-C', owner: 'stevenage', scheduledHours: 4343, downHours: 7, availabilityPercent: 99.839 },
    ]);
    const owners = await get(operator, `/availability/owners${HALF_YEAR}`);
    expect(owners.body).toContainEqual({ owner: 'north-herts', cameras: 2, scheduledHours: 8684, downHours: 22, availabilityPercent: 99.747 });
  });

  it('counts faults per owner per quarter in London time, a fault across the boundary in the quarter it was reported', async () => {
    expect((await get(operator, `/faults-per-quarter${HALF_YEAR}`)).body).toEqual([
      { quarter: '2026-Q1', owner: 'north-herts', tickets: 1, cameraFaults: 1 },
      { quarter: '2026-Q1', owner: 'stevenage', tickets: 1, cameraFaults: 1 },
      { quarter: '2026-Q2', owner: 'Hitchin Retail Park', tickets: 1, cameraFaults: 1 },
    ]);
  });

  it('counts SLA breaches per month as the timers record them', async () => {
    const { year, month } = londonYearMonth(Date.now());
    const thisMonth = `${year}-${String(month).padStart(2, '0')}`;
    const around = `?from=${new Date(Date.now() - 40 * 86_400_000).toISOString()}&to=${new Date(Date.now() + 86_400_000).toISOString()}`;
    await eventually(async () => expect((await get(operator, `/breaches-per-month${around}`)).body).toContainEqual({ month: thisMonth, owner: 'Kings Court', responseBreaches: 1, fixBreaches: 1 }), { timeoutMs: 15_000 });
    expect((await get(operator, `/breaches-per-month${HALF_YEAR}`)).body).toEqual([]);
  });

  it('answers the same rows as CSV, asked by Accept or by format', async () => {
    const byAccept = await get(operator, `/faults-per-quarter${HALF_YEAR}`, 'text/csv');
    expect(byAccept.status).toBe(200);
    expect(byAccept.type).toMatch(/^text\/csv/);
    expect(parseCsv(byAccept.text).map((r) => r.fields)).toEqual([
      ['quarter', 'owner', 'tickets', 'cameraFaults'],
      ['2026-Q1', 'north-herts', '1', '1'],
      ['2026-Q1', 'stevenage', '1', '1'],
      ['2026-Q2', 'Hitchin Retail Park', '1', '1'],
    ]);
    const history = await get(operator, `/cameras/NH-A/history${HALF_YEAR}&format=csv`);
    const [header, row] = parseCsv(history.text).map((r) => r.fields);
    expect(row[header.indexOf('cause')]).toBe(report.cause);
  });

  it('shows a partner its own cameras only, the contractor what its tickets cover', async () => {
    expect((await get(stevenage, `/availability/cameras${HALF_YEAR}`)).body.map((r: { cameraId: string }) => r.cameraId)).toEqual(['SB-C']);
    expect((await get(stevenage, `/faults-per-quarter${HALF_YEAR}`)).body).toEqual([{ quarter: '2026-Q1', owner: 'stevenage', tickets: 1, cameraFaults: 1 }]);
    expect((await get(stevenage, `/cameras/NH-A/history${HALF_YEAR}`)).status).toBe(404);
    expect((await get(contractor, `/availability/cameras${HALF_YEAR}`)).body.map((r: { cameraId: string }) => r.cameraId)).toEqual(['CL-D', 'CL-E', 'NH-A', 'SB-C']);
    expect((await get(contractor, `/availability/owners${HALF_YEAR}`)).status).toBe(403);
  });

  it('refuses a period that is backwards or not a date, naming the field', async () => {
    expect(await get(operator, `/response-times?from=2026-07-01&to=2026-01-01`)).toMatchObject({ status: 400, body: { issues: [{ path: 'to' }] } });
    expect((await get(operator, `/response-times?from=last-year&to=2026-01-01`)).status).toBe(400);
  });
});
