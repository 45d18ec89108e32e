import { connect, NatsConnection } from 'nats';
import { Principal, signToken } from '@vigil/auth';
import { BusNamespace, STREAMS } from '@vigil/bus';
import { FaultTicket, RegisterCamera } from '@vigil/contracts';
import { ChildApp, createTestEnvironment, eventually, freePort, TestEnvironment } from '@vigil/testing';

const operator: Principal = { subject: 'op-ann', role: 'operator' };

// A contract whose emergency attendance is due 15 s after the report (warning at 80%, 12 s):
// set the way a deployment sets its contract, through VIGIL_SLA_CONTRACT. The fix is an hour away.
const SHORT_CONTRACT = { name: 'e2e-short', times: { emergency: { respondMinutes: 0.25, fixMinutes: 60 }, standard: { respondMinutes: 60, fixMinutes: 120 } }, warnAtFraction: 0.8 };

const camera: RegisterCamera = {
  cameraId: 'NH-099',
  number: '099',
  location: 'Hermitage Road',
  partnerId: 'north-herts',
  clientName: null,
  town: 'Hitchin Town Centre',
  siteId: 'site-nh-099',
  networkSegment: null,
  lat: 51.9492,
  lon: -0.2801,
  type: 'ptz-dome',
  monitoring: 'pro-active',
  retentionDays: 28,
};

describe('an SLA deadline missed while faults is down', () => {
  let env: TestEnvironment;
  let faults: ChildApp;
  let nc: NatsConnection;

  beforeAll(async () => {
    env = await createTestEnvironment('sla-restart');
    nc = await connect({ servers: env.natsUrl });
  });

  afterAll(async () => {
    await faults?.kill();
    await nc?.close();
    await env?.dispose();
  });

  const startFaults = async () => {
    const port = await freePort();
    faults = new ChildApp('faults', { ...env.env, VIGIL_SLA_CONTRACT: JSON.stringify(SHORT_CONTRACT) }, port);
    await faults.start();
    return `http://127.0.0.1:${port}`;
  };
  const post = async (url: string, path: string, body: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${signToken(operator, env.platform.authSecret, 600)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  /** How many messages the FAULTS stream holds on each of the ticket's subjects, as any consumer would read them. */
  const eventsOnStream = async (): Promise<Record<string, number>> => {
    const ns = new BusNamespace(env.namespace);
    const info = await (await nc.jetstreamManager()).streams.info(ns.stream(STREAMS.faults.name), { subjects_filter: ns.subject('fault.>') });
    return Object.fromEntries(Object.entries(info.state.subjects ?? {}).map(([subject, n]) => [ns.unprefix(subject), n]));
  };

  it('raises the breach once faults is back, exactly once, after a SIGKILL', async () => {
    let url = await startFaults();
    expect((await post(url, '/api/cameras', camera)).status).toBe(201);
    const reported = await post(url, '/api/faults', { cameraId: camera.cameraId, symptom: 'no-video' });
    expect(reported.status).toBe(201);
    const ticket = reported.body as FaultTicket;
    const dueAt = Date.parse(ticket.response.dueAt);
    expect(dueAt - Date.parse(ticket.reportedAt)).toBe(15_000);
    await eventually(async () => expect(await eventsOnStream()).toEqual({ 'fault.north-herts.opened': 1 }));

    await faults.kill();
    expect(Date.now()).toBeLessThan(Date.parse(ticket.response.warnAt)); // killed before the warning: no timer has fired yet
    // The deadline passes while nothing of faults runs.
    await eventually(() => expect(Date.now()).toBeGreaterThan(dueAt + 500), { timeoutMs: 30_000, intervalMs: 100 });
    expect(await eventsOnStream()).toEqual({ 'fault.north-herts.opened': 1 });

    url = await startFaults();
    // The durable timer, kept in Postgres, fires on the new process: a breach (the overdue warning
    // is folded into it, see decideClockAlarm), announced once on the bus.
    await eventually(async () => expect(await eventsOnStream()).toEqual({ 'fault.north-herts.opened': 1, 'fault.north-herts.response-breached': 1 }), { timeoutMs: 20_000, intervalMs: 200 });
    const current = await fetch(`${url}/api/tickets/${ticket.ticketId}`, { headers: { Authorization: `Bearer ${signToken(operator, env.platform.authSecret, 600)}` } });
    expect(await current.json()).toMatchObject({ response: { breached: true, warned: true, metAt: null }, fix: { breached: false }, version: 2 });
  });
});
