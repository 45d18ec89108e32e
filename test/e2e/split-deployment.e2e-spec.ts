import { io, Socket } from 'socket.io-client';
import { signToken, Principal } from '@vigil/auth';
import { IncidentChangePush, IncidentPush, SOCKET_EVENTS, SUBJECTS } from '@vigil/contracts';
import { ChildApp, createTestEnvironment, eventually, TestAirwaveGateway, TestEnvironment } from '@vigil/testing';
import { buildFrame, parseReply } from '../../apps/ingest/src/alarms';
import { TcpPanel } from '../../apps/ingest/src/alarms/testing/panel-clients';

// Outside demo mode the auth secret must be 32 characters or more.
const AUTH_SECRET = 'split-deployment-secret-0123456789abcdef';
const HTTP_GATEWAY_SECRET = 'split-http-gateway-secret-0123';

// Ingest, triage and the dashboard as three OS processes, as compose and deploy/run-separately.sh run them:
// the browser talks to the dashboard's port only, alarm panels to ingest's DC-09 port.
describe('the split deployment', () => {
  let env: TestEnvironment;
  let ingest: ChildApp;
  let triage: ChildApp;
  let dashboard: ChildApp;
  let gateway: TestAirwaveGateway;
  let socket: Socket | undefined;
  let panel: TcpPanel | undefined;
  let dashboardUrl: string;
  let ingestUrl: string;

  const tokenFor = (principal: Principal) => signToken(principal, AUTH_SECRET, 3600);
  const police = () => tokenFor({ subject: 'pc-split', role: 'police' });
  const viaDashboard = (path: string, token: string, init: RequestInit = {}) =>
    fetch(`${dashboardUrl}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers } });

  beforeAll(async () => {
    env = await createTestEnvironment('split');
    await env.provisionStreams(); // FAULTS, which triage reads for recording gaps, is made by faults, not started here
    const childEnv = { ...env.env, VIGIL_AUTH_SECRET: AUTH_SECRET };
    ingest = new ChildApp('ingest', { ...childEnv, VIGIL_GATEWAY_SECRETS: `gw-http=${HTTP_GATEWAY_SECRET}` });
    triage = new ChildApp('triage', childEnv);
    await Promise.all([ingest.start(), triage.start()]);
    ingestUrl = `http://127.0.0.1:${ingest.logged('ingest listening').port}`;
    dashboard = new ChildApp('dashboard', {
      ...childEnv,
      VIGIL_INGEST_URL: ingestUrl,
      VIGIL_TRIAGE_URL: `http://127.0.0.1:${triage.logged('triage listening').port}`,
    });
    await dashboard.start();
    dashboardUrl = `http://127.0.0.1:${dashboard.logged('dashboard listening').port}`;
    gateway = await TestAirwaveGateway.connect(env.natsUrl, env.namespace, 'gw-split');
  });

  afterAll(async () => {
    socket?.disconnect();
    panel?.end();
    await gateway?.close();
    await Promise.all([dashboard?.stop(), triage?.stop(), ingest?.stop()]);
    await env?.dispose();
  });

  it('pushes a gateway call to the page live and serves its REST calls through the dashboard', async () => {
    const pushed: IncidentPush[] = [];
    socket = io(dashboardUrl, { auth: { token: police() }, transports: ['websocket'], reconnection: false });
    socket.on(SOCKET_EVENTS.incidentOpened, (incident: IncidentPush) => pushed.push(incident));
    await new Promise<void>((resolve, reject) => socket!.once('connect', resolve).once('connect_error', reject));

    await gateway.publishSds(gateway.sds('split-1', 'Fight outside Hitchin station, two males'));
    await gateway.publishRaw(SUBJECTS.airwave.sds('gw-split'), '{"broken": ', 'gw-split:broken-1');

    const incident = await eventually(() => {
      expect(pushed).toEqual([expect.objectContaining({ summary: 'Fight outside Hitchin station, two males', category: 'Assault' })]);
      return pushed[0];
    });

    const incidents = await viaDashboard('/api/incidents', police());
    expect(incidents.status).toBe(200);
    expect(await incidents.json()).toEqual([expect.objectContaining({ incidentId: incident.incidentId, reference: incident.reference, summary: incident.summary })]);

    // An operator's command goes through the dashboard to triage, body and all; the change comes back on the socket.
    const changed: IncidentChangePush[] = [];
    socket.on(SOCKET_EVENTS.incidentChanged, (change: IncidentChangePush) => changed.push(change));
    const operator = tokenFor({ subject: 'op-split', role: 'operator' });
    const acknowledge = () => viaDashboard(`/api/incidents/${incident.incidentId}/acknowledge`, operator, { method: 'POST', body: JSON.stringify({ version: 1 }) });
    const acknowledged = await acknowledge();
    expect(acknowledged.status).toBe(200);
    expect(await acknowledged.json()).toMatchObject({ status: 'acknowledged', version: 2 });
    const stale = await acknowledge();
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ sentVersion: 1, current: { version: 2 } });
    await eventually(() => expect(changed.map((c) => [c.change, c.version, c.changedBy])).toEqual([['acknowledged', 2, 'op-split']]));

    await eventually(async () => {
      const sources = await viaDashboard('/api/sources', police());
      expect(sources.status).toBe(200);
      expect(await sources.json()).toContainEqual(expect.objectContaining({ sourceKind: 'airwave', sourceId: 'gw-split' }));
    });

    await eventually(async () => {
      const letters = await viaDashboard('/api/dead-letters?limit=10', police());
      expect(letters.status).toBe(200);
      expect(await letters.json()).toEqual([expect.objectContaining({ origin: 'nats:gw.airwave.gw-split.sds', rawText: '{"broken": ' })]);
    });

    // Each owner still decides who may read: the dashboard forwards the token, it does not vouch.
    const partner = tokenFor({ subject: 'nhdc', role: 'partner', partnerId: 'north-herts' });
    expect((await viaDashboard('/api/dead-letters', partner)).status).toBe(403);
    expect((await fetch(`${dashboardUrl}/api/sources`)).status).toBe(401);
  });

  it('takes an HTTP gateway\'s call on ingest\'s own port', async () => {
    const sds = { gatewayId: 'gw-http', messageId: 'h-1', occurredAt: new Date().toISOString(), callingIssi: 2260150, text: 'Shoplifter leaving Boots, Royston' };
    const posted = await fetch(`${ingestUrl}/api/gateways/airwave/gw-http/sds`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${HTTP_GATEWAY_SECRET}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(sds),
    });
    expect(posted.status).toBe(202);
    await eventually(async () => {
      const incidents = (await (await viaDashboard('/api/incidents', police())).json()) as { summary: string }[];
      expect(incidents.map((incident) => incident.summary)).toContain('Shoplifter leaving Boots, Royston');
    });
  });

  it('lets an operator register an alarm account through the dashboard, and ingest\'s DC-09 port ACKs that panel', async () => {
    const operator = tokenFor({ subject: 'op-split', role: 'operator' });
    const registered = await viaDashboard('/api/alarm-accounts/4321', operator, {
      method: 'PUT',
      body: JSON.stringify({ partnerId: 'north-herts', site: 'Boots', address: '12 High Street, Hitchin' }),
    });
    expect(registered.status).toBe(200);

    panel = await TcpPanel.connect(Number(ingest.logged('SIA DC-09 receiver listening').tcp));
    await panel.write(buildFrame({ id: 'SIA-DCS', sequence: '0001', receiver: '1', line: '1', account: '4321', data: '#4321|Nri1/BA03', timestamp: new Date() }));
    expect(parseReply(await panel.nextReply())).toMatchObject({ ok: true, reply: { id: 'ACK', sequence: '0001', account: '4321' } });
  });
});
