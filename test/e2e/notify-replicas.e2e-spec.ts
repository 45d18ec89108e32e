import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, NatsConnection } from 'nats';
import { BusNamespace, EventPublisher } from '@vigil/bus';
import { ChildApp, createTestEnvironment, eventually, sql, TestEnvironment } from '@vigil/testing';
import type { WebhookPayload } from '../../apps/notify/src/channels/webhook/webhook-payload';
import { anIncident, aSourceChange } from '../../apps/notify/src/testing/notify-fixtures';
import { startWebhookReceiver, WebhookReceiver } from '../../apps/notify/src/testing/webhook-receiver';

const SECRET = 'replica-webhook-secret-of-32-or-more-characters';

/** Police first, the supervisor two seconds later, the duty manager two seconds after that, unless someone acknowledges. */
function routing(police: WebhookReceiver, supervisor: WebhookReceiver, manager: WebhookReceiver) {
  const hook = (url: string) => [{ type: 'webhook', url, secretRef: 'E2E_WEBHOOK_SECRET' }];
  return {
    receivers: [
      { name: 'police', role: 'police-control-room', channels: hook(police.url) },
      { name: 'supervisor', role: 'control-room-supervisor', channels: hook(supervisor.url) },
      { name: 'duty-manager', role: 'control-room-supervisor', channels: hook(manager.url) },
    ],
    escalationPolicies: [{ name: 'two-steps', steps: [{ after: '2s', notify: ['supervisor'] }, { after: '2s', notify: ['duty-manager'] }], progressTimeout: '10m' }],
    root: 'everything',
    rules: [
      { name: 'everything', receiver: 'supervisor', groupWait: '0s', routes: ['police-incidents'] },
      { name: 'police-incidents', matchers: [{ label: 'police', equals: 'needed' }], receiver: 'police', groupBy: ['...'], groupWait: '0s', escalation: 'two-steps' },
    ],
  };
}

/** Every request a receiver got, as (delivery id, references told). */
const requests = (receiver: WebhookReceiver) =>
  receiver.received.map((request) => ({ deliveryId: String(request.headers['x-vigil-delivery']), references: (JSON.parse(request.body) as WebhookPayload).alerts.map((a) => a.reference) }));
const told = (receiver: WebhookReceiver, reference: string) => requests(receiver).filter((r) => r.references.includes(reference));

// notify as its own processes, two replicas on one database and one NATS, fed incident events as triage publishes them.
describe('notify replicas: each message once, across replicas and a kill -9', () => {
  let env: TestEnvironment;
  let nc: NatsConnection;
  let publisher: EventPublisher;
  let police: WebhookReceiver;
  let supervisor: WebhookReceiver;
  let manager: WebhookReceiver;
  let replicas: ChildApp[] = [];
  let notifyEnv: Record<string, string>;

  beforeAll(async () => {
    env = await createTestEnvironment('notifyreplicas');
    await env.provisionStreams();
    nc = await connect({ servers: env.natsUrl });
    publisher = new EventPublisher(nc.jetstream(), new BusNamespace(env.namespace), 'triage');
    [police, supervisor, manager] = await Promise.all([startWebhookReceiver(SECRET), startWebhookReceiver(SECRET), startWebhookReceiver(SECRET)]);
    const routingFile = join(mkdtempSync(join(tmpdir(), 'vigil-notify-')), 'routing.json');
    writeFileSync(routingFile, JSON.stringify(routing(police, supervisor, manager)));
    notifyEnv = { ...env.env, VIGIL_NOTIFY_ROUTING_FILE: routingFile, E2E_WEBHOOK_SECRET: SECRET };
    replicas = [new ChildApp('notify', notifyEnv), new ChildApp('notify', notifyEnv)];
    await Promise.all(replicas.map((replica) => replica.start()));
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.kill()));
    await Promise.all([police, supervisor, manager].map((receiver) => receiver?.close()));
    await nc?.close();
    await env?.dispose();
  });

  /** A grade 1 incident opened, as triage publishes it. */
  async function openIncident(reference: string) {
    const incident = anIncident({ incidentId: randomUUID(), reference, grade: 1, summary: `Assault in progress (${reference})`, version: 1 });
    await publisher.publish('incidentOpened', incident, { id: `${incident.incidentId}:1` });
    return incident;
  }

  /** Waits until no planned delivery is unsent and no group is due, so counting afterwards is final (a delivery is only ever sent by whoever claims it). */
  async function settled() {
    await eventually(async () => {
      const [unsent] = await sql<{ count: number }>(env.databaseUrl, `SELECT count(*)::int AS count FROM notify.delivery WHERE state NOT IN ('delivered', 'dead-letter')`);
      const [due] = await sql<{ count: number }>(env.databaseUrl, `SELECT count(*)::int AS count FROM notify.alert_group WHERE flush_at <= now()`);
      expect([unsent.count, due.count]).toEqual([0, 0]);
    }, { timeoutMs: 30_000 });
  }

  it('sends each notification once when two replicas share the work', async () => {
    const references = Array.from({ length: 20 }, (_, i) => `INC-2026-9${String(i).padStart(5, '0')}`);
    const incidents = [];
    for (const reference of references) incidents.push(await openIncident(reference));
    // A replayed event changes nothing: the same incident version again, under another message id (past JetStream's de-duplication).
    await publisher.publish('incidentOpened', incidents[0], { id: `${incidents[0].incidentId}:replayed` });

    await eventually(() => {
      for (const reference of references) expect([told(police, reference).length, told(supervisor, reference).length, told(manager, reference).length]).toEqual([1, 1, 1]);
    }, { timeoutMs: 20_000 });
    await settled();

    for (const reference of references) expect([told(police, reference).length, told(supervisor, reference).length, told(manager, reference).length]).toEqual([1, 1, 1]);
    const ids = [police, supervisor, manager].flatMap((receiver) => requests(receiver).map((r) => r.deliveryId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carries on an escalation after every replica was killed mid-way, without telling anyone twice', async () => {
    const incident = await openIncident('INC-2026-800001');
    await eventually(() => expect(told(police, 'INC-2026-800001')).toHaveLength(1));

    await Promise.all(replicas.map((replica) => replica.kill()));
    // The supervisor's step falls due while no notify runs.
    const downAt = Date.now();
    await eventually(() => expect(Date.now() - downAt).toBeGreaterThan(2_500), { timeoutMs: 5_000 });
    expect(told(supervisor, 'INC-2026-800001')).toEqual([]);

    replicas = [new ChildApp('notify', notifyEnv), new ChildApp('notify', notifyEnv)];
    await Promise.all(replicas.map((replica) => replica.start()));
    await eventually(() => expect([told(supervisor, 'INC-2026-800001').length, told(manager, 'INC-2026-800001').length]).toEqual([1, 1]), { timeoutMs: 20_000 });
    await settled();

    expect([told(police, 'INC-2026-800001').length, told(supervisor, 'INC-2026-800001').length, told(manager, 'INC-2026-800001').length]).toEqual([1, 1, 1]);
    const [escalation] = await sql<{ state: { phase: string; level: number } }>(env.databaseUrl, `SELECT state FROM notify.escalation WHERE fingerprint = $1`, [`incident:${incident.incidentId}`]);
    expect(escalation.state).toMatchObject({ phase: 'exhausted', level: 2 });
  });

  it('works through a backlog in batches, applying two changes of one incident in the same batch in order', async () => {
    // Every notify down while 40 grade 1 incidents open and 10 of them close at once: on restart the
    // backlog comes in batches, each holding an incident's opening and its closing one after the other.
    await Promise.all(replicas.map((replica) => replica.kill()));
    const references = Array.from({ length: 40 }, (_, i) => `INC-2026-7${String(i).padStart(5, '0')}`);
    const closing = new Set(references.slice(0, 10));
    for (const reference of references) {
      const incident = await openIncident(reference);
      if (!closing.has(reference)) continue;
      const closedAt = new Date().toISOString();
      await publisher.publish('incidentChanged', { ...incident, status: 'closed', closedAt, updatedAt: closedAt, version: 2, change: 'closed', changedBy: 'op-1', changeReason: 'Stood down' }, { id: `${incident.incidentId}:2` });
    }

    replicas = [new ChildApp('notify', notifyEnv), new ChildApp('notify', notifyEnv)];
    await Promise.all(replicas.map((replica) => replica.start()));
    const stillOpen = references.filter((reference) => !closing.has(reference));
    // The open ones escalate to the supervisor two seconds after the police were told.
    await eventually(() => {
      for (const reference of stillOpen) expect([told(police, reference).length, told(supervisor, reference).length]).toEqual([1, 1]);
    }, { timeoutMs: 30_000 });
    await settled();

    // Each alert was taken once per change: the police heard of every incident once, the closed ones resolved, and
    // nobody escalated an incident that closed in the same batch as it opened.
    for (const reference of references) expect(told(police, reference)).toHaveLength(1);
    for (const reference of closing) expect(told(supervisor, reference)).toEqual([]);
    const alerts = await sql<{ status: string; version: string }>(env.databaseUrl, `SELECT status, version FROM notify.alert WHERE alert->>'reference' = ANY($1)`, [[...closing]]);
    expect(alerts).toEqual(Array.from({ length: 10 }, () => ({ status: 'resolved', version: '2' })));
    const escalations = await sql<{ phase: string }>(
      env.databaseUrl,
      `SELECT e.state->>'phase' AS phase FROM notify.escalation e JOIN notify.alert a USING (fingerprint) WHERE a.alert->>'reference' = ANY($1)`,
      [[...closing]],
    );
    expect(escalations.every((escalation) => escalation.phase === 'resolved')).toBe(true);
  });

  it('tells the supervisor of a radio gateway gone silent', async () => {
    const lastSeen = new Date(Date.now() - 180_000).toISOString();
    await publisher.publish('sourceStateChanged', aSourceChange({ sourceId: 'tl-royston', state: 'down', previousState: 'late', lastSeen, changedAt: new Date().toISOString() }), { id: 'tl-royston:down' });
    await eventually(() => expect(told(supervisor, 'townlink:tl-royston')).toHaveLength(1), { timeoutMs: 10_000 });
    const [fired] = supervisor.received.filter((r) => r.body.includes('tl-royston')).map((r) => JSON.parse(r.body) as WebhookPayload);
    expect(fired.alerts[0]).toMatchObject({ status: 'firing', labels: expect.objectContaining({ kind: 'supervision', state: 'down' }) });
  });
});
