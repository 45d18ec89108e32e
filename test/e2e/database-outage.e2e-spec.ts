import { connect, NatsConnection } from 'nats';
import { BusNamespace, CONSUMERS } from '@vigil/bus';
import { createTestEnvironment, eventually, RunningVigil, sql, startEmbeddedVigil, TcpProxy, TestAirwaveGateway, TestEnvironment } from '@vigil/testing';

// Postgres goes away under load: calls already acknowledged to the gateway wait for it rather
// than spending their deliveries, readiness says why, and every call becomes one incident.
describe('a database outage', () => {
  let env: TestEnvironment;
  let database: TcpProxy;
  let vigil: RunningVigil;
  let gateway: TestAirwaveGateway;
  let nc: NatsConnection;

  beforeAll(async () => {
    env = await createTestEnvironment('dboutage');
    database = await TcpProxy.start(5432);
    const databaseUrl = database.url(env.databaseUrl);
    vigil = await startEmbeddedVigil({ ...env.platform, databaseUrl }, { ...env.ingest, databaseUrl });
    gateway = await TestAirwaveGateway.connect(env.natsUrl, env.namespace, 'gw-outage');
    nc = await connect({ servers: env.natsUrl });
  });

  afterAll(async () => {
    await nc?.close();
    await gateway?.close();
    await vigil?.close();
    await database?.cut();
    await env?.dispose();
  });

  async function readiness(): Promise<{ status: number; checks: { name: string; up: boolean; detail?: string }[] }> {
    const response = await fetch(`${vigil.url}/health`);
    return { status: response.status, checks: ((await response.json()) as { checks: { name: string; up: boolean; detail?: string }[] }).checks };
  }

  it('holds the calls until Postgres is back, spends no delivery, and opens one incident per call', async () => {
    await database.cut();
    const calls = Array.from({ length: 30 }, (_, i) => gateway.sds(`outage-${i}`, `Shoplifter in Hitchin Town Centre (${i})`));
    for (const call of calls) await gateway.publishSds(call);

    const during = await eventually(async () => {
      const health = await readiness();
      expect(health.status).toBe(503);
      expect(health.checks).toContainEqual({ name: 'consumers', up: false, detail: expect.stringMatching(/^waiting for postgres: .*triage-calls/) });
      return health;
    }, { timeoutMs: 20_000 });
    expect(during.checks.find((c) => c.name === 'nats')).toMatchObject({ up: true });
    const metrics = await (await fetch(`${vigil.url}/metrics`)).text();
    expect(metrics).toMatch(/vigil_bus_messages_waiting\{consumer="triage-calls",dependency="postgres"\} [1-9]/);
    const jsm = await nc.jetstreamManager();
    const ns = new BusNamespace(env.namespace);
    const triageInfo = () => jsm.consumers.info(ns.stream(CONSUMERS.triageCalls.stream), CONSUMERS.triageCalls.durable);
    // The outage outlasts the ack wait, and on every look meanwhile JetStream has redelivered nothing:
    // the held messages' in-progress acks keep them ours.
    const heldSince = Date.now();
    await eventually(async () => {
      const info = await triageInfo();
      expect({ held: info.num_ack_pending > 0, redelivered: info.num_redelivered }).toEqual({ held: true, redelivered: 0 });
      expect(Date.now() - heldSince).toBeGreaterThan((CONSUMERS.triageCalls.ackWaitSeconds + 2) * 1_000);
    }, { timeoutMs: 30_000, intervalMs: 500 });
    await database.open();

    await eventually(async () => {
      const [{ count }] = await sql<{ count: string }>(env.databaseUrl, 'SELECT count(*) FROM triage.incident');
      expect(Number(count)).toBe(calls.length);
    }, { timeoutMs: 30_000 });
    const triage = await triageInfo();
    // One delivery per call: the outage cost no attempt.
    expect({ delivered: triage.delivered.consumer_seq, redelivered: triage.num_redelivered, ackPending: triage.num_ack_pending }).toEqual({
      delivered: calls.length,
      redelivered: 0,
      ackPending: 0,
    });
    expect(await sql(env.databaseUrl, 'SELECT reason FROM ingest.dead_letter')).toEqual([]);
    await eventually(async () => expect((await readiness()).status).toBe(200), { timeoutMs: 15_000 });
  });
});
