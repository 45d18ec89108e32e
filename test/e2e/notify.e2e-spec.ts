import { io, Socket } from 'socket.io-client';
import type { Principal } from '@vigil/auth';
import { NotificationPushed, SOCKET_EVENTS } from '@vigil/contracts';
import { callApi, createTestEnvironment, eventually, RunningVigil, startEmbeddedVigil, TestEnvironment } from '@vigil/testing';
import type { WebhookPayload } from '../../apps/notify/src/channels/webhook/webhook-payload';
import { startWebhookReceiver, WebhookReceiver } from '../../apps/notify/src/testing/webhook-receiver';

const SECRET = 'police-webhook-secret-of-32-or-more-characters';
const LINK_SECRET = 'link-secret-of-32-or-more-characters-0123456789';
const operator: Principal = { subject: 'op-jones', role: 'operator' };

/** The partnership's rules, cut down: police hear incidents that need them at once, the supervisor two seconds later unless someone acknowledged. */
function routing(police: WebhookReceiver, supervisor: WebhookReceiver, contractor: WebhookReceiver) {
  return {
    receivers: [
      { name: 'contractor', role: 'maintenance-contractor', channels: [{ type: 'webhook', url: contractor.url, secretRef: 'CONTRACTOR_WEBHOOK_SECRET' }] },
      { name: 'police', role: 'police-control-room', channels: [{ type: 'webhook', url: police.url, secretRef: 'POLICE_WEBHOOK_SECRET' }, { type: 'socket' }] },
      { name: 'supervisor', role: 'control-room-supervisor', channels: [{ type: 'webhook', url: supervisor.url, secretRef: 'SUPERVISOR_WEBHOOK_SECRET' }] },
    ],
    escalationPolicies: [{ name: 'police-then-supervisor', steps: [{ after: '2s', notify: ['supervisor'] }], progressTimeout: '10m' }],
    defaults: { groupWait: '30s', groupInterval: '5m', repeatInterval: '4h' },
    root: 'everything',
    rules: [
      { name: 'everything', receiver: 'supervisor', routes: ['police-incidents', 'faults'] },
      { name: 'faults', matchers: [{ label: 'kind', equals: 'fault' }], receiver: 'contractor', groupBy: ['...'], groupWait: '0s' },
      { name: 'police-incidents', matchers: [{ label: 'kind', equals: 'incident' }, { label: 'police', equals: 'needed' }], receiver: 'police', groupBy: ['...'], escalation: 'police-then-supervisor' },
    ],
  };
}

const bodies = (receiver: WebhookReceiver) => receiver.received.map((request) => JSON.parse(request.body) as WebhookPayload);
const toldOf = (receiver: WebhookReceiver, reference: string) => bodies(receiver).filter((body) => body.alerts.some((alert) => alert.reference === reference));

// The whole of Vigil in this process: a call entered over REST becomes a grade 1 incident, and notify tells the police's webhook.
describe('notify: the right people, once, and again until someone answers', () => {
  let env: TestEnvironment;
  let vigil: RunningVigil;
  let police: WebhookReceiver;
  let supervisor: WebhookReceiver;
  let contractor: WebhookReceiver;
  let policeConsole: Socket;
  /** What the police console was pushed, with when it arrived. */
  const pushed: { at: number; notification: NotificationPushed }[] = [];
  const api = (as: Principal, method: string, path: string, body?: unknown) => callApi(vigil.url, env.platform.authSecret, as, method, path, body);

  beforeAll(async () => {
    env = await createTestEnvironment('notifye2e');
    police = await startWebhookReceiver(SECRET);
    supervisor = await startWebhookReceiver(SECRET);
    contractor = await startWebhookReceiver(SECRET);
    vigil = await startEmbeddedVigil(env.platform, env.ingest, {
      notify: {
        routingFile: { path: 'notify.e2e', content: routing(police, supervisor, contractor) },
        acknowledgeLinks: { publicUrl: 'https://vigil.example/', secret: LINK_SECRET },
        channels: { webhookSecrets: { POLICE_WEBHOOK_SECRET: SECRET, SUPERVISOR_WEBHOOK_SECRET: SECRET, CONTRACTOR_WEBHOOK_SECRET: SECRET } },
      },
    });
    policeConsole = io(vigil.url, { auth: { token: vigil.tokenFor({ subject: 'pc-control', role: 'police' }) }, transports: ['websocket'], reconnection: false });
    policeConsole.on(SOCKET_EVENTS.notificationPushed, (notification: NotificationPushed) => pushed.push({ at: Date.now(), notification }));
    await new Promise<void>((resolve, reject) => policeConsole.once('connect', resolve).once('connect_error', reject));
  });

  afterAll(async () => {
    policeConsole?.disconnect();
    await vigil?.close();
    await police?.close();
    await supervisor?.close();
    await contractor?.close();
    await env?.dispose();
  });

  /** Enters an emergency call and waits for its incident to reach the police; returns the alert the police got and how long it took. */
  async function emergency(text: string, clientReference: string) {
    const entered = Date.now();
    const answer = await api(operator, 'POST', '/api/calls', { source: 'Controller', text, town: 'Hitchin', emergency: true, clientReference });
    expect(answer.status).toBe(201);
    const alert = await eventually(() => {
      const found = bodies(police).flatMap((body) => body.alerts).find((a) => a.summary.includes(text.slice(0, 20)));
      expect(found).toBeDefined();
      return found!;
    });
    return { alert, elapsedMs: Date.now() - entered };
  }

  it("tells the police webhook and the police console of a grade 1 incident within the second, signed, and logs the deliveries", async () => {
    const entered = Date.now();
    const { alert, elapsedMs } = await emergency('Fight outside the Corn Exchange, one man down', 'notify-1');

    expect(elapsedMs).toBeLessThan(1_000);
    const onConsole = await eventually(() => {
      const found = pushed.find((p) => p.notification.alerts.some((a) => a.fingerprint === alert.fingerprint));
      expect(found).toBeDefined();
      return found!;
    });
    expect(onConsole.at - entered).toBeLessThan(1_000);
    expect(onConsole.notification).toMatchObject({ receiver: 'police', audience: 'police', reason: 'first-notification' });
    expect(alert).toMatchObject({ status: 'firing', labels: expect.objectContaining({ kind: 'incident', grade: '1', police: 'needed' }) });
    const request = police.received.find((r) => r.body.includes(alert.fingerprint))!;
    expect(request.signature).toEqual({ ok: true });
    expect(request.headers['x-vigil-delivery']).toMatch(/^[0-9a-f-]{36}$/);

    await eventually(async () => {
      const log = await api(operator, 'GET', `/api/notify/alerts/${alert.fingerprint}`);
      expect(log.status).toBe(200);
      const byChannel = Object.fromEntries(log.body.deliveries.map((d: { channelType: string }) => [d.channelType, d]));
      expect(Object.keys(byChannel).sort()).toEqual(['socket', 'webhook']);
      for (const delivery of Object.values(byChannel)) {
        expect(delivery).toMatchObject({ receiver: 'police', reason: 'first-notification', state: 'delivered', attempts: [expect.objectContaining({ attempt: 1, ok: true })] });
      }
      expect(byChannel.webhook.id).toBe(request.headers['x-vigil-delivery']);
      expect(byChannel.socket.id).toBe(onConsole.notification.deliveryId);
    });
    const metrics = await (await fetch(`${vigil.url}/metrics`)).text();
    expect(metrics).toMatch(/vigil_notify_delivery_attempts_total\{channel="webhook",decision="delivered"\} [1-9]/);
  });

  it('escalates to the supervisor when nobody acknowledges, and not when someone does', async () => {
    const acknowledged = await emergency('Shop alarm and a smashed window on Bancroft', 'notify-2');
    const taken = await api(operator, 'POST', `/api/notify/alerts/${acknowledged.alert.fingerprint}/acknowledge`, {});
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ outcome: 'acknowledged', escalation: { phase: 'acknowledged', acknowledgedBy: 'op-jones' } });

    const ignored = await emergency('Man with a knife by the bus station', 'notify-3');
    // Its step falls due two seconds after the police were told; the acknowledged one's fell due before it.
    await eventually(() => expect(toldOf(supervisor, ignored.alert.reference)).toHaveLength(1), { timeoutMs: 10_000 });
    expect(toldOf(supervisor, acknowledged.alert.reference)).toEqual([]);
    expect(toldOf(police, ignored.alert.reference)).toHaveLength(1);

    const log = await api(operator, 'GET', `/api/notify/alerts/${ignored.alert.fingerprint}`);
    expect(log.body.escalation).toMatchObject({ policy: 'police-then-supervisor', phase: 'exhausted', level: 1 });
    expect(log.body.deliveries.map((d: { receiver: string; channelType: string; state: string }) => [d.receiver, d.channelType, d.state]).sort()).toEqual([
      ['police', 'socket', 'delivered'],
      ['police', 'webhook', 'delivered'],
      ['supervisor', 'webhook', 'delivered'],
    ]);
    // Who the escalation told, by name and role, and when: the supervisor's step, from its delivery.
    const toSupervisor = log.body.deliveries.find((d: { receiver: string }) => d.receiver === 'supervisor');
    expect(log.body.escalation).toMatchObject({ told: [{ name: 'supervisor', role: 'control-room-supervisor' }], toldAt: toSupervisor.plannedAt, next: null });
    const acknowledgedLog = await api(operator, 'GET', `/api/notify/alerts/${acknowledged.alert.fingerprint}`);
    expect(acknowledgedLog.body.acknowledgements).toEqual([expect.objectContaining({ by: 'op-jones', via: 'console', outcome: 'acknowledged' })]);
    // Police told first (by their rule, before escalation), the supervisor if no work starts; the police may acknowledge too.
    const firstToPolice = acknowledgedLog.body.deliveries.filter((d: { receiver: string }) => d.receiver === 'police').map((d: { plannedAt: string }) => d.plannedAt).sort()[0];
    expect(acknowledgedLog.body.escalation).toMatchObject({
      phase: 'acknowledged',
      told: [{ name: 'police', role: 'police-control-room' }],
      toldAt: firstToPolice,
      next: { level: 1, round: 0, receivers: [{ name: 'supervisor', role: 'control-room-supervisor' }] },
    });
    expect(acknowledgedLog.body.mayAcknowledge).toBe(true);
    expect((await api({ subject: 'pc-control', role: 'police' }, 'GET', `/api/notify/alerts/${acknowledged.alert.fingerprint}`)).body.mayAcknowledge).toBe(true);
  });

  it('keeps the delivery log from partners and the contractor who have no part in it', async () => {
    const { alert } = await emergency('Car driven at pedestrians on Hermitage Road', 'notify-4');
    expect((await api({ subject: 'contractor-1', role: 'contractor' }, 'GET', `/api/notify/alerts/${alert.fingerprint}`)).status).toBe(404);
    expect((await api({ subject: 'contractor-1', role: 'contractor' }, 'GET', '/api/notify/deliveries')).status).toBe(403);
  });

  it('sends nothing of a silenced fault, and sends it once the silence is over', async () => {
    const camera = { cameraId: 'NH-071', number: '071', location: 'Hitchin Market Place', partnerId: 'north-herts', clientName: null, town: 'Hitchin Town Centre', siteId: 'hitchin-market', networkSegment: null, lat: 51.9489, lon: -0.2795, type: 'ptz-dome', monitoring: 'pro-active', retentionDays: 28 };
    expect((await api(operator, 'POST', '/api/cameras', camera)).status).toBe(201);
    const endsAt = new Date(Date.now() + 4_000);
    const silence = await api(operator, 'POST', '/api/notify/silences', { matchers: [{ label: 'kind', equals: 'fault' }, { label: 'site', equals: 'hitchin-market' }], endsAt: endsAt.toISOString(), comment: 'market cameras re-cabled tonight' });
    expect(silence.status).toBe(201);
    expect(silence.body).toMatchObject({ state: 'active', createdBy: 'op-jones' });

    const reported = await api(operator, 'POST', '/api/faults', { cameraId: 'NH-071', symptom: 'no-video', description: 'black picture' });
    expect(reported.status).toBe(201);
    const fingerprint = `fault:${reported.body.ticketId}`;
    // Notify has the fault (and its group of one, which goes at once) but held it back.
    await eventually(async () => expect((await api(operator, 'GET', `/api/notify/alerts/${fingerprint}`)).body).toMatchObject({ status: 'firing', deliveries: [] }));

    const told = await eventually(() => {
      const found = contractor.received.find((request) => request.body.includes(fingerprint));
      expect(found).toBeDefined();
      return { at: Date.now(), body: JSON.parse(found!.body) as WebhookPayload };
    }, { timeoutMs: 15_000 });
    expect(told.at).toBeGreaterThanOrEqual(endsAt.getTime());
    expect(told.body.alerts).toEqual([expect.objectContaining({ reference: reported.body.reference, status: 'firing' })]);
    expect(contractor.received.filter((request) => request.body.includes(fingerprint))).toHaveLength(1);
  });

  it('retries a webhook the receiver could not take, and keeps one it refused as a dead letter', async () => {
    police.reply({ status: 503 });
    const retried = await emergency('Youths throwing bottles at cars on Queen Street', 'notify-5');
    await eventually(async () => {
      const answer = await api(operator, 'GET', `/api/notify/alerts/${retried.alert.fingerprint}`);
      const webhook = answer.body.deliveries.filter((d: { channelType: string }) => d.channelType === 'webhook');
      expect(webhook).toEqual([expect.objectContaining({ receiver: 'police', state: 'delivered' })]);
      expect(webhook[0].attempts.map((a: { ok: boolean; status?: number }) => [a.ok, a.status ?? null])).toEqual([[false, 503], [true, null]]);
    }, { timeoutMs: 15_000 });

    police.reply({ status: 400 });
    const refused = await emergency('Drunk man lying in the road on Bridge Street', 'notify-6');
    await eventually(async () => {
      const letters = await api(operator, 'GET', '/api/notify/deliveries?state=dead-letter');
      const letter = letters.body.find((d: { fingerprints: string[] }) => d.fingerprints.includes(refused.alert.fingerprint));
      expect(letter).toMatchObject({ receiver: 'police', state: 'dead-letter', attempts: [expect.objectContaining({ ok: false, status: 400 })] });
    });
  });

  it('acknowledges by the signed link in the message: opening it asks, pressing the button acknowledges', async () => {
    const { alert } = await emergency('Window smashed at the Post Office, alarm ringing', 'notify-7');
    const link = new URL(alert.acknowledgeUrl!);
    expect(link.origin).toBe('https://vigil.example');
    const local = `${vigil.url}${link.pathname}`;

    const opened = await fetch(local);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('<form method="post">');
    expect((await api(operator, 'GET', `/api/notify/alerts/${alert.fingerprint}`)).body.escalation).toMatchObject({ phase: 'escalating' });

    const pressed = await fetch(local, { method: 'POST' });
    expect(await pressed.text()).toContain('acknowledged; escalation has stopped');
    const log = await api(operator, 'GET', `/api/notify/alerts/${alert.fingerprint}`);
    expect(log.body.escalation).toMatchObject({ phase: 'acknowledged', acknowledgedBy: 'link:police' });
    expect(log.body.acknowledgements).toEqual([expect.objectContaining({ by: 'link:police', via: 'link', outcome: 'acknowledged' })]);

    const forged = await fetch(`${local.slice(0, -4)}AAAA`, { method: 'POST' });
    expect(await forged.text()).toContain('This link is not valid');
  });
});
