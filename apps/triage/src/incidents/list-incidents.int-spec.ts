import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Principal, signToken } from '@vigil/auth';
import { configureHttp, PlatformModule } from '@vigil/config';
import { CallReceived, Incident } from '@vigil/contracts';
import { createTestEnvironment, TestEnvironment } from '@vigil/testing';
import { TakeCallUseCase } from '../calls/take-call.usecase';
import { ChangeIncidentUseCase } from '../lifecycle/change-incident/change-incident.usecase';
import { SingleIncidentCommand } from '../lifecycle/domain/lifecycle-command';
import { TriageModule } from '../triage.module';

const operator: Principal = { subject: 'op-ann', role: 'operator' };
const police: Principal = { subject: 'pc-1', role: 'police' };
const northHerts: Principal = { subject: 'nhdc', role: 'partner', partnerId: 'north-herts' };
const contractor: Principal = { subject: 'eng', role: 'contractor' };
const start = Date.parse('2026-11-30T08:00:00Z');

// Real Postgres through triage's HTTP route: filters, the board's order, and each caller's share.
describe('GET /api/incidents', () => {
  let env: TestEnvironment;
  let app: INestApplication;
  let url: string;
  const named = new Map<string, Incident>();

  async function open(name: string, minute: number, summary: string, town: string | undefined, source: CallReceived['source'] = 'Police Airwaves'): Promise<Incident> {
    const at = new Date(start + minute * 60_000).toISOString();
    const call: CallReceived = { callKey: `list:${name}`, source, sourceMessageId: name, receivedAt: at, occurredAt: at, urgency: 'routine', summary, location: town ? { town } : {}, raw: {} };
    const [taken] = await app.get(TakeCallUseCase).execute([call]);
    if (taken.kind !== 'opened') throw new Error(taken.kind);
    return change(name, taken.incident.id, []);
  }

  async function change(name: string, id: string, commands: SingleIncidentCommand[]): Promise<Incident> {
    let incident = await one(id);
    for (const command of commands) {
      const body = 'version' in command.body ? { ...command.body, version: incident.version } : command.body;
      const result = await app.get(ChangeIncidentUseCase).execute(operator, id, { ...command, body } as SingleIncidentCommand);
      if (result.kind !== 'changed') throw new Error(`${name} ${command.name}: ${JSON.stringify(result)}`);
      incident = result.incident;
    }
    named.set(name, incident);
    return incident;
  }

  async function one(id: string): Promise<Incident> {
    return (await fetch(`${url}/api/incidents/${id}`, { headers: auth(operator) })).json() as Promise<Incident>;
  }
  const auth = (principal: Principal) => ({ Authorization: `Bearer ${signToken(principal, env.platform.authSecret, 600)}` });

  async function answer(principal: Principal, query: string): Promise<Response> {
    return fetch(`${url}/api/incidents?${query}`, { headers: auth(principal) });
  }
  async function list(principal: Principal, query = ''): Promise<Incident[]> {
    const response = await answer(principal, query);
    expect(response.status).toBe(200);
    return (await response.json()) as Incident[];
  }
  const names = (incidents: Incident[]) => incidents.map((i) => [...named].find(([, n]) => n.incidentId === i.incidentId)?.[0] ?? i.summary);

  beforeAll(async () => {
    env = await createTestEnvironment('incidentlist');
    @Module({ imports: [PlatformModule.forRoot(env.platform, 'triage-test'), TriageModule.register({ databaseUrl: env.databaseUrl, restoreWaitSeconds: 30 })] })
    class TriageOnly {}
    app = await NestFactory.create(TriageOnly, { logger: false, bodyParser: false });
    configureHttp(app, env.platform);
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;

    const reason = 'operator knows better';
    const hitchin = await open('hitchin', 0, 'Fight outside Hitchin station', 'Hitchin');
    await change('hitchin', hitchin.incidentId, [{ name: 'regrade', body: { version: 0, grade: 4, reason } }, { name: 'notes', body: { text: 'Suspect carried a blue holdall' } }]);
    const royston = await open('royston', 1, 'Shoplifter in Royston', 'Royston', 'Town Link');
    await change('royston', royston.incidentId, [{ name: 'regrade', body: { version: 0, grade: 1, reason } }]);
    const stevenage = await open('stevenage', 2, 'Disorder in Stevenage town centre', 'Stevenage');
    await change('stevenage', stevenage.incidentId, [{ name: 'regrade', body: { version: 0, grade: 1, reason } }]);
    const letchworth = await open('letchworth-closed', 3, 'Criminal damage in Letchworth', 'Letchworth');
    await change('letchworth-closed', letchworth.incidentId, [
      { name: 'reclassify', body: { version: 0, category: 'Vehicle', subcategory: 'Damage', reason } },
      { name: 'acknowledge', body: { version: 0 } },
      { name: 'close', body: { version: 0, outcome: { arrests: 0, policeAttended: false, footageRequested: false, noFurtherAction: true, summary: null } } },
    ]);
    const client = await open('client', 4, 'Alarm at a retail park', 'Baldock');
    await change('client', client.incidentId, [{ name: 'locate', body: { version: 0, partnerId: null, town: 'Luton', clientName: 'Acme Retail', reason: 'client site' } }]);
    await open('unplaced', 5, 'Man shouting on the ring road', undefined);
  });

  afterAll(async () => {
    await app?.close();
    await env?.dispose();
  });

  it('keeps the snapshot order by default: newest opened first, every placement for the control room', async () => {
    expect(names(await list(operator))).toEqual(['unplaced', 'client', 'letchworth-closed', 'stevenage', 'royston', 'hitchin']);
    expect(names(await list(police, 'limit=2&offset=1'))).toEqual(['client', 'letchworth-closed']);
  });

  it('orders the open board by grade, then longest waiting, without closed incidents', async () => {
    const board = await list(operator, 'board=open');
    const expected = [...named.values()].filter((i) => i.status !== 'closed').sort((a, b) => a.grade - b.grade || Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
    expect(board.map((i) => i.incidentId)).toEqual(expected.map((i) => i.incidentId));
    expect(names(board).slice(0, 2)).toEqual(['royston', 'stevenage']);
  });

  it.each([
    ['town=Royston%20Town%20Centre', ['royston']],
    ['partnerId=stevenage', ['stevenage']],
    ['category=Vehicle', ['letchworth-closed']],
    ['grade=4', ['hitchin']],
    ['source=Town%20Link', ['royston']],
    ['status=closed', ['letchworth-closed']],
    ['placement=client', ['client']],
    ['placement=unplaced', ['unplaced']],
    [`from=${encodeURIComponent(new Date(start + 60_000).toISOString())}&to=${encodeURIComponent(new Date(start + 3 * 60_000).toISOString())}`, ['stevenage', 'royston']],
    ['q=holdall', ['hitchin']],
    ['q=ROYSTON', ['royston']],
    ['q=100%25', []],
  ])('filters with %s', async (query, expected) => {
    expect(names(await list(operator, query))).toEqual(expected);
  });

  it('finds an incident by its reference', async () => {
    const reference = named.get('stevenage')!.reference;
    expect(names(await list(operator, `q=${reference}`))).toEqual(['stevenage']);
  });

  it("shows a partner its own area's incidents only: never another partner's, a client's or an unplaced one", async () => {
    expect(names(await list(northHerts))).toEqual(['letchworth-closed', 'royston', 'hitchin']);
    expect(await list(northHerts, 'partnerId=stevenage')).toEqual([]);
    expect(await list(northHerts, 'placement=client')).toEqual([]);
    expect(await list(northHerts, 'q=retail')).toEqual([]);
  });

  it('shows the contractor nothing', async () => {
    expect(await list(contractor)).toEqual([]);
    expect(await list(contractor, 'board=open')).toEqual([]);
  });

  it('answers 400 naming the parameter that is wrong', async () => {
    const response = await answer(operator, 'grade=9&board=mine');
    expect(response.status).toBe(400);
    const { message } = (await response.json()) as { message: string };
    expect(message).toContain('grade:');
    expect(message).toContain('board:');
  });
});
