import type { Principal } from '@vigil/auth';
import { callApi, createTestEnvironment, eventually, RunningVigil, sql, startEmbeddedVigil, TestEnvironment } from '@vigil/testing';
import type { WebhookPayload } from '../../apps/notify/src/channels/webhook/webhook-payload';
import { startWebhookReceiver, WebhookReceiver } from '../../apps/notify/src/testing/webhook-receiver';

const SECRET = 'contractor-webhook-secret-of-32-or-more-characters';
const operator: Principal = { subject: 'op-jones', role: 'operator' };
const HOUR = 3_600_000;

/** Faults go to the contractor at once, each alert its own group; everything else to the supervisor. */
function routing(contractor: WebhookReceiver, supervisor: WebhookReceiver) {
  return {
    receivers: [
      { name: 'contractor', role: 'maintenance-contractor', channels: [{ type: 'webhook', url: contractor.url, secretRef: 'CONTRACTOR_WEBHOOK_SECRET' }] },
      { name: 'supervisor', role: 'control-room-supervisor', channels: [{ type: 'webhook', url: supervisor.url, secretRef: 'SUPERVISOR_WEBHOOK_SECRET' }] },
    ],
    defaults: { groupWait: '30s', groupInterval: '5m', repeatInterval: '4h' },
    root: 'everything',
    rules: [
      { name: 'everything', receiver: 'supervisor', routes: ['faults'] },
      { name: 'faults', matchers: [{ label: 'kind', equals: 'fault' }], receiver: 'contractor', groupBy: ['...'], groupWait: '0s' },
    ],
  };
}

const camera = (cameraId: string, siteId: string) => ({
  cameraId,
  number: cameraId.slice(3),
  location: `Hitchin Market Place ${cameraId}`,
  partnerId: 'north-herts',
  clientName: null,
  town: 'Hitchin Town Centre',
  siteId,
  networkSegment: null,
  lat: 51.9489,
  lon: -0.2795,
  type: 'ptz-dome',
  monitoring: 'pro-active',
  retentionDays: 28,
});

const toldOf = (receiver: WebhookReceiver, fingerprint: string) =>
  receiver.received.map((request) => JSON.parse(request.body) as WebhookPayload).filter((body) => body.alerts.some((alert) => alert.fingerprint === fingerprint));

// The whole of Vigil in this process: a window planned on faults' REST reaches notify over the bus
// and holds back the faults of the camera it covers, until it is cancelled.
describe("notify: faults' planned maintenance holds back the faults it covers", () => {
  let env: TestEnvironment;
  let vigil: RunningVigil;
  let contractor: WebhookReceiver;
  let supervisor: WebhookReceiver;
  const api = (method: string, path: string, body?: unknown) => callApi(vigil.url, env.platform.authSecret, operator, method, path, body);
  /** How many alerts notify has held back because a maintenance window covered them (its decision metric). */
  const heldInMaintenance = async () => {
    const metrics = await (await fetch(`${vigil.url}/metrics`)).text();
    const line = metrics.split('\n').find((l) => l.startsWith('vigil_decisions_total{') && l.includes('app="notify"') && l.includes('decision="held-by-maintenance"') && l.includes('reason="in-maintenance"'));
    return line ? Number(line.split(' ').pop()) : 0;
  };
  const reportFault = async (cameraId: string) => {
    const reported = await api('POST', '/api/faults', { cameraId, symptom: 'no-video', description: 'black picture' });
    expect(reported.status).toBe(201);
    return { fingerprint: `fault:${reported.body.ticketId}`, reference: reported.body.reference as string };
  };

  beforeAll(async () => {
    env = await createTestEnvironment('notifymaint');
    contractor = await startWebhookReceiver(SECRET);
    supervisor = await startWebhookReceiver(SECRET);
    vigil = await startEmbeddedVigil(env.platform, env.ingest, {
      notify: {
        routingFile: { path: 'notify-maintenance.e2e', content: routing(contractor, supervisor) },
        channels: { webhookSecrets: { CONTRACTOR_WEBHOOK_SECRET: SECRET, SUPERVISOR_WEBHOOK_SECRET: SECRET } },
      },
    });
  });

  afterAll(async () => {
    await vigil?.close();
    await contractor?.close();
    await supervisor?.close();
    await env?.dispose();
  });

  it('sends nothing of a fault on a camera under planned works, sends a fault elsewhere, and sends the held one once the works are cancelled', async () => {
    expect((await api('POST', '/api/cameras', camera('NH-081', 'hitchin-bancroft'))).status).toBe(201);
    expect((await api('POST', '/api/cameras', camera('NH-082', 'hitchin-churchyard'))).status).toBe(201);
    const planned = await api('POST', '/api/maintenance-windows', {
      scope: 'camera',
      target: 'NH-081',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + HOUR).toISOString(),
      reason: 'camera head replaced',
    });
    expect(planned.status).toBe(201);
    const windowId = planned.body.window.windowId as string;
    // Faults' window and its tickets travel on two streams: the fault must not reach notify before the window does.
    await eventually(async () => expect(await sql(env.databaseUrl, `SELECT 1 FROM notify.maintenance_window WHERE id = $1`, [windowId])).toHaveLength(1));
    const heldBefore = await heldInMaintenance();

    const underWorks = await reportFault('NH-081');
    // Notify has the fault (its group of one goes at once) and held it back because of the window.
    await eventually(async () => {
      expect((await api('GET', `/api/notify/alerts/${underWorks.fingerprint}`)).body).toMatchObject({ status: 'firing', deliveries: [] });
      expect(await heldInMaintenance()).toBe(heldBefore + 1);
    });

    // The positive control: the same route, a camera the window does not cover.
    const elsewhere = await reportFault('NH-082');
    await eventually(() => expect(toldOf(contractor, elsewhere.fingerprint)).toHaveLength(1));
    expect(toldOf(contractor, underWorks.fingerprint)).toEqual([]);

    expect((await api('POST', `/api/maintenance-windows/${windowId}/cancel`, { version: 1, reason: 'engineer called away' })).status).toBe(200);
    const told = await eventually(() => {
      const found = toldOf(contractor, underWorks.fingerprint);
      expect(found).toHaveLength(1);
      return found[0];
    }, { timeoutMs: 15_000 });
    expect(told.alerts).toEqual([expect.objectContaining({ reference: underWorks.reference, status: 'firing', labels: expect.objectContaining({ camera: 'NH-081', owner: 'north-herts' }) })]);
    const log = await api('GET', `/api/notify/alerts/${underWorks.fingerprint}`);
    expect(log.body.deliveries).toEqual([expect.objectContaining({ receiver: 'contractor', channelType: 'webhook', state: 'delivered' })]);
    expect(toldOf(contractor, underWorks.fingerprint)).toHaveLength(1);
    expect(await heldInMaintenance()).toBe(heldBefore + 1);
  });
});
