import { INestApplication } from '@nestjs/common';
import { connect, NatsConnection } from 'nats';
import { Principal } from '@vigil/auth';
import { BusNamespace, decodeEvent, STREAMS } from '@vigil/bus';
import { LoanChanged, LoanDeployment, RegisterCamera, WaitingEntry } from '@vigil/contracts';
import { callApi, createTestEnvironment, eventually, sql, TestEnvironment } from '@vigil/testing';
import { startFaultsAlone } from '../testing/start-faults-alone';
import { ChangeLoanUseCase } from './change-loan.usecase';

const operator: Principal = { subject: 'op-ann', role: 'operator' };
const police: Principal = { subject: 'pc-1234', role: 'police' };
const contractor: Principal = { subject: 'eng-desk', role: 'contractor' };
const stevenage: Principal = { subject: 'sbc-asb-team', role: 'partner', partnerId: 'stevenage' };
const hertsmere: Principal = { subject: 'hbc-cctv', role: 'partner', partnerId: 'hertsmere' };

const DAY = 86_400_000;
const camera = (cameraId: string, type: RegisterCamera['type'] = 'redeployable-4g', partnerId = 'stevenage'): RegisterCamera => ({
  cameraId,
  number: cameraId,
  location: 'Redeployable pool, Daneshill House',
  partnerId,
  clientName: null,
  town: 'Stevenage Local Neighbourhoods',
  siteId: `pool-${partnerId}`,
  networkSegment: null,
  lat: 51.9017,
  lon: -0.2019,
  type,
  monitoring: 'reactive',
  retentionDays: 28,
});
const customer = (ref: string) => ({ customerReference: ref, customerName: `Customer ${ref}`, address: `${ref} Shephall Way, Stevenage`, need: 'Repeated damage to the front door and threats' });

// Real Postgres and NATS, faults' own routes, use cases and timer runners; events asserted in the outbox and on the FAULTS stream.
describe('Lend-A-Cam', () => {
  let env: TestEnvironment;
  let app: INestApplication;
  let url: string;
  let nc: NatsConnection;

  const startFaults = async (): Promise<INestApplication> => (await startFaultsAlone(env)).app;

  beforeAll(async () => {
    env = await createTestEnvironment('lendacam');
    app = await startFaults();
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    nc = await connect({ servers: env.natsUrl });
    for (const c of [camera('SBC-R01'), camera('SBC-R02'), camera('SBC-R03'), camera('SBC-R04'), camera('SBC-001', 'ptz-dome'), camera('HBC-R01', 'redeployable-4g', 'hertsmere')]) {
      expect((await send(operator, 'POST', '/api/cameras', c)).status).toBe(201);
    }
  });

  afterAll(async () => {
    await nc?.close();
    await app?.close();
    await env?.dispose();
  });

  const send = (principal: Principal, method: string, path: string, body?: unknown) => callApi(url, env.platform.authSecret, principal, method, path, body);
  const command = (loan: { deploymentId: string }, name: string, body: unknown, principal = operator) => send(principal, 'POST', `/api/loans/${loan.deploymentId}/${name}`, body);
  const request = async (cameraId: string, ref: string) => {
    const answer = await send(operator, 'POST', '/api/loans', { cameraId, ...customer(ref) });
    expect(answer.status).toBe(201);
    return answer.body as LoanDeployment;
  };
  const approved = { approvedBy: 'J. Patel (ASB team manager)', approvedAt: new Date(Date.now() - DAY).toISOString(), documentReference: 'PIA-2026-118' };
  const passedCheck = { checkedBy: 'D. Evans', checkedAt: new Date(Date.now() - 60_000).toISOString(), passed: true, notes: 'PAT in date' };

  /** A deployment approved, checked and installed `daysAgo` days ago (the install through the use case, with that time). */
  async function installedDaysAgo(target: INestApplication, cameraId: string, ref: string, daysAgo: number): Promise<LoanDeployment> {
    const loan = await request(cameraId, ref);
    expect((await command(loan, 'pia-approval', { version: 1, ...approved })).status).toBe(200);
    expect((await command(loan, 'equipment-checks', { version: 2, ...passedCheck })).status).toBe(200);
    const result = await target.get(ChangeLoanUseCase).execute(operator, loan.deploymentId, { name: 'install', body: { version: 3 } }, new Date(Date.now() - daysAgo * DAY));
    expect(result.kind).toBe('changed');
    return (result as { loan: LoanDeployment }).loan;
  }

  /** Cancels the open request an earlier test left on the camera. */
  async function freeCamera(cameraId: string): Promise<void> {
    for (const open of (await send(operator, 'GET', `/api/loans?cameraId=${cameraId}`)).body as LoanDeployment[]) {
      if (open.status === 'requested' || open.status === 'pia-approved') expect((await command(open, 'cancel', { version: open.version, reason: 'Customer declined' })).status).toBe(200);
    }
  }

  const outbox = (aggregate: string) =>
    sql<{ subject: string; version: number }>(env.databaseUrl, `SELECT subject, aggregate_version AS version FROM faults.outbox WHERE aggregate_id = $1 ORDER BY aggregate_version`, [aggregate]);
  const reviewTimers = (deploymentId: string) => sql<{ run_at: Date }>(env.databaseUrl, `SELECT run_at FROM faults_timers.jobs WHERE key = $1`, [`loan-review:${deploymentId}`]);

  /** The loan events on the FAULTS stream (once the outbox has nothing left to send), by deployment. */
  async function published(deploymentId: string): Promise<LoanChanged[]> {
    await eventually(async () => expect(await sql(env.databaseUrl, `SELECT 1 FROM faults.outbox WHERE published_at IS NULL`)).toEqual([]));
    const jsm = await nc.jetstreamManager();
    const name = new BusNamespace(env.namespace).stream(STREAMS.faults.name);
    const { state } = await jsm.streams.info(name);
    const events: LoanChanged[] = [];
    for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
      const message = await jsm.streams.getMessage(name, { seq });
      const decoded = decodeEvent(message.data);
      if (decoded.ok && message.subject.includes('.loan.') && (decoded.envelope.data as LoanChanged).deploymentId === deploymentId) events.push(decoded.envelope.data as LoanChanged);
    }
    return events;
  }

  it('takes a loan from request to removal: assessment, check, install, the review timer at 28 days, a review, removal', async () => {
    const loan = await installedDaysAgo(app, 'SBC-R01', 'ASB-0412', 30);
    expect(loan).toMatchObject({ status: 'installed', version: 4, pia: { approvedBy: 'J. Patel (ASB team manager)', documentReference: 'PIA-2026-118', recordedBy: 'op-ann' }, equipmentChecks: [{ checkedBy: 'D. Evans', passed: true }] });
    expect(Date.parse(loan.reviewDueAt!) - Date.parse(loan.installedAt!)).toBe(28 * DAY);

    // The review was due two days ago: the running timer brings it up at once.
    const inReview = await eventually(async () => {
      const seen = (await send(operator, 'GET', `/api/loans/${loan.deploymentId}`)).body as LoanDeployment;
      expect(seen).toMatchObject({ status: 'in-review', version: 5 });
      return seen;
    });
    expect(await reviewTimers(loan.deploymentId)).toEqual([]);

    const reviewed = await command(inReview, 'review', { version: 5, notes: 'Incidents continue; housing officer asks for two more weeks', extendDays: 14 });
    expect(reviewed).toMatchObject({ status: 200, body: { status: 'installed', reviewCount: 1, lastReview: { by: 'op-ann' }, version: 6 } });
    expect((await reviewTimers(loan.deploymentId)).map((t) => t.run_at.toISOString())).toEqual([reviewed.body.reviewDueAt]);

    const removed = await command(loan, 'remove', { version: 6, reason: 'Perpetrator evicted' });
    expect(removed).toMatchObject({ status: 200, body: { status: 'removed', emergencyRemoval: false, closedBy: 'op-ann', closeReason: 'Perpetrator evicted', version: 7 } });
    expect(await reviewTimers(loan.deploymentId)).toEqual([]);

    const changes = ['requested', 'pia-approved', 'equipment-checked', 'installed', 'review-due', 'reviewed', 'removed'];
    expect(await outbox(`loan:${loan.deploymentId}`)).toEqual(changes.map((change, i) => ({ subject: `loan.stevenage.${change}`, version: i + 1 })));
    const events = await published(loan.deploymentId);
    expect(events.map((e) => [e.change, e.version])).toEqual(changes.map((change, i) => [change, i + 1]));
    expect(events[4]).toMatchObject({ changedBy: 'faults', changeReason: 'minimum-term-served' });
    // The bus carries the case reference, never the customer's name, address or need.
    expect(events[0]).toMatchObject({ customerReference: 'ASB-0412' });
    expect(Object.keys(events[0])).not.toEqual(expect.arrayContaining(['customerName']));
    expect(JSON.stringify(events)).not.toContain('Shephall Way');

    // The camera is free again.
    expect((await send(operator, 'POST', '/api/loans', { cameraId: 'SBC-R01', ...customer('ASB-0413') })).status).toBe(201);
  });

  it('refuses by name: a fixed camera, a camera already lent, an install without assessment or a passed check, an early removal', async () => {
    const refused = async (answer: Promise<{ status: number; body: any }>) => {
      const { status, body } = await answer;
      return [status, body?.reason];
    };
    expect(await refused(send(operator, 'POST', '/api/loans', { cameraId: 'SBC-001', ...customer('ASB-0500') }))).toEqual([422, 'not-redeployable']);
    expect(await refused(send(operator, 'POST', '/api/loans', { cameraId: 'NOPE-1', ...customer('ASB-0500') }))).toEqual([404, undefined]);
    const loan = await request('SBC-R02', 'ASB-0501');
    expect(await refused(send(operator, 'POST', '/api/loans', { cameraId: 'SBC-R02', ...customer('ASB-0502') }))).toEqual([422, 'camera-on-loan']);

    expect(await refused(command(loan, 'equipment-checks', { version: 1, ...passedCheck }))).toEqual([200, undefined]);
    expect(await refused(command(loan, 'install', { version: 2 }))).toEqual([422, 'pia-not-approved']);
    expect(await refused(command(loan, 'pia-approval', { version: 2, ...approved, approvedAt: new Date(Date.now() + DAY).toISOString() }))).toEqual([422, 'recorded-ahead']);
    expect(await refused(command(loan, 'pia-approval', { version: 2, ...approved }))).toEqual([200, undefined]);
    expect(await refused(command(loan, 'equipment-checks', { version: 3, ...passedCheck, passed: false, notes: 'battery will not hold charge' }))).toEqual([200, undefined]);
    expect(await refused(command(loan, 'install', { version: 4 }))).toEqual([422, 'equipment-check-failed']);
    expect(await command(loan, 'install', { version: 3 })).toMatchObject({ status: 409, body: { sentVersion: 3, current: { version: 4 } } });
    expect(await refused(command(loan, 'equipment-checks', { version: 4, ...passedCheck, notes: 'battery replaced' }))).toEqual([200, undefined]);
    expect(await refused(command(loan, 'install', { version: 5 }))).toEqual([200, undefined]);

    expect(await refused(command(loan, 'remove', { version: 6, reason: 'customer asked' }))).toEqual([422, 'minimum-term-not-served']);
    expect(await refused(command(loan, 'remove', { version: 6, emergency: true }))).toEqual([400, undefined]);
    expect(await refused(command(loan, 'review', { version: 6, notes: 'early look' }))).toEqual([422, 'not-in-review']);
    const early = await command(loan, 'remove', { version: 6, emergency: true, reason: 'Camera attacked; customer moved to a refuge' });
    expect(early).toMatchObject({ status: 200, body: { status: 'removed', emergencyRemoval: true } });
    expect(await refused(command(loan, 'cancel', { version: 7, reason: 'too late' }))).toEqual([422, 'deployment-closed']);
    const unchecked = await request('SBC-R02', 'ASB-0503');
    expect(await refused(command(unchecked, 'pia-approval', { version: 1, ...approved }))).toEqual([200, undefined]);
    expect(await refused(command(unchecked, 'install', { version: 2 }))).toEqual([422, 'equipment-not-checked']);
  });

  it('lets the owning partner read its own loans only, and police and the contractor none', async () => {
    const loan = await request('HBC-R01', 'HB-77');
    expect((await send(hertsmere, 'GET', `/api/loans/${loan.deploymentId}`)).status).toBe(200);
    expect((await send(stevenage, 'GET', `/api/loans/${loan.deploymentId}`)).status).toBe(404);
    expect(((await send(stevenage, 'GET', '/api/loans')).body as LoanDeployment[]).every((l) => l.partnerId === 'stevenage')).toBe(true);
    expect(((await send(hertsmere, 'GET', '/api/loans')).body as LoanDeployment[]).map((l) => l.customerReference)).toEqual(['HB-77']);
    expect((await command(loan, 'pia-approval', { version: 1, ...approved }, hertsmere)).status).toBe(403);
    for (const outsider of [police, contractor]) {
      expect((await send(outsider, 'GET', '/api/loans')).status).toBe(403);
      expect((await send(outsider, 'GET', `/api/loans/${loan.deploymentId}`)).status).toBe(403);
      expect((await send(outsider, 'GET', '/api/loan-waiting-list')).status).toBe(403);
      expect((await send(outsider, 'POST', '/api/loans', { cameraId: 'SBC-R04', ...customer('X-1') })).status).toBe(403);
    }
  });

  it('keeps the waiting list in order: priorities first in the order given, then first come; the next customer gets the free camera', async () => {
    const add = async (ref: string) => {
      const answer = await send(operator, 'POST', '/api/loan-waiting-list', { partnerId: 'stevenage', ...customer(ref) });
      expect(answer.status).toBe(201);
      return answer.body as WaitingEntry;
    };
    const order = async (principal: Principal = operator) =>
      ((await send(principal, 'GET', '/api/loan-waiting-list?partnerId=stevenage')).body as WaitingEntry[]).map((e) => [e.customerReference, e.position]);
    const a = await add('W-A');
    const b = await add('W-B');
    const c = await add('W-C');
    expect(await order()).toEqual([['W-A', 1], ['W-B', 2], ['W-C', 3]]);
    expect((await send(operator, 'POST', '/api/loan-waiting-list', { partnerId: 'stevenage', ...customer('W-A') })).body).toMatchObject({ reason: 'already-waiting' });
    expect((await send(operator, 'POST', '/api/loan-waiting-list', { partnerId: 'east-herts', ...customer('W-Z') })).body).toMatchObject({ reason: 'owner-has-no-redeployable-cameras' });

    expect(await send(operator, 'POST', `/api/loan-waiting-list/${c.entryId}/priority`, { version: 1, reason: 'Repeat victim; police request' })).toMatchObject({ status: 200, body: { position: 1, version: 2 } });
    expect(await send(operator, 'POST', `/api/loan-waiting-list/${b.entryId}/priority`, { version: 1, reason: 'Hate crime' })).toMatchObject({ status: 200, body: { position: 2 } });
    expect((await send(operator, 'POST', `/api/loan-waiting-list/${b.entryId}/priority`, { version: 2, reason: 'again' })).body).toMatchObject({ reason: 'already-prioritised' });
    expect(await order()).toEqual([['W-C', 1], ['W-B', 2], ['W-A', 3]]);
    const told = await send(operator, 'POST', `/api/loan-waiting-list/${a.entryId}/contacts`, { version: 1, note: 'Told she is third; a camera is due back within a month' });
    expect(told).toMatchObject({ status: 200, body: { position: 3, lastContact: { by: 'op-ann' } } });
    expect(Date.now() - Date.parse(told.body.lastContactedAt)).toBeLessThan(60_000);
    expect(await order(stevenage)).toEqual([['W-C', 1], ['W-B', 2], ['W-A', 3]]);
    expect(await send(hertsmere, 'GET', '/api/loan-waiting-list?partnerId=stevenage')).toMatchObject({ status: 200, body: [] });

    const taken = await send(operator, 'POST', '/api/loan-waiting-list/take-next', { cameraId: 'SBC-R03' });
    expect(taken).toMatchObject({ status: 201, body: { entry: { entryId: c.entryId, status: 'taken', position: null }, loan: { cameraId: 'SBC-R03', status: 'requested', customerReference: 'W-C', waitingEntryId: c.entryId } } });
    expect(await order()).toEqual([['W-B', 1], ['W-A', 2]]);
    // The camera is lent now: nobody else is taken off the list for it.
    expect((await send(operator, 'POST', '/api/loan-waiting-list/take-next', { cameraId: 'SBC-R03' })).body).toMatchObject({ reason: 'camera-on-loan' });
    expect(await order()).toEqual([['W-B', 1], ['W-A', 2]]);
    expect((await command(taken.body.loan, 'cancel', { version: 1, reason: 'Customer rehoused' })).status).toBe(200);
    expect((await send(operator, 'POST', '/api/loan-waiting-list/take-next', { cameraId: 'SBC-R03' })).body).toMatchObject({ entry: { customerReference: 'W-B' } });
    expect(await order()).toEqual([['W-A', 1]]);

    expect((await outbox(`loan-waiting:${c.entryId}`)).map((e) => e.subject)).toEqual(['loan-waiting.stevenage.added', 'loan-waiting.stevenage.prioritised', 'loan-waiting.stevenage.taken']);
    expect((await outbox(`loan-waiting:${a.entryId}`)).map((e) => [e.subject, e.version])).toEqual([['loan-waiting.stevenage.added', 1], ['loan-waiting.stevenage.contacted', 2]]);
  });

  it('brings each review up once with two instances running the timers', async () => {
    const second = await startFaults();
    try {
      const loans = [];
      for (const [i, cameraId] of ['SBC-R04', 'SBC-R01'].entries()) {
        await freeCamera(cameraId);
        loans.push(await installedDaysAgo(i % 2 ? second : app, cameraId, `TWO-${i}`, 29));
      }
      for (const loan of loans) {
        await eventually(async () => expect((await send(operator, 'GET', `/api/loans/${loan.deploymentId}`)).body).toMatchObject({ status: 'in-review' }));
      }
      for (const loan of loans) {
        expect((await outbox(`loan:${loan.deploymentId}`)).filter((e) => e.subject.endsWith('.review-due'))).toEqual([{ subject: 'loan.stevenage.review-due', version: 5 }]);
        expect((await published(loan.deploymentId)).filter((e) => e.change === 'review-due')).toHaveLength(1);
      }
    } finally {
      await second.close();
    }
  });

  it('keeps a review timer across a restart: set by one instance, brought up by the next', async () => {
    const first = await startFaults();
    await freeCamera('SBC-R02');
    // Installed 28 days ago less eight seconds: the review is due after both instances have stopped.
    const loan = await installedDaysAgo(first, 'SBC-R02', 'RESTART-1', 28 - 8_000 / DAY);
    await app.close();
    await first.close();
    expect((await sql<{ status: string }>(env.databaseUrl, `SELECT status FROM faults.loan_deployment WHERE id = $1`, [loan.deploymentId]))[0].status).toBe('installed');
    expect(await reviewTimers(loan.deploymentId)).toHaveLength(1);

    app = await startFaults();
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    await eventually(async () => expect((await send(operator, 'GET', `/api/loans/${loan.deploymentId}`)).body).toMatchObject({ status: 'in-review', version: 5 }), { timeoutMs: 20_000 });
    expect((await published(loan.deploymentId)).map((e) => e.change)).toEqual(['requested', 'pia-approved', 'equipment-checked', 'installed', 'review-due']);
  });
});
