import { connect, NatsConnection } from 'nats';
import { BusNamespace, CONSUMERS, ConsumerDeclaration, EventPublisher } from '@vigil/bus';
import { DeadLetter } from '@vigil/contracts';
import { createTestEnvironment, eventually, RunningVigil, sql, startEmbeddedVigil, TestAirwaveGateway, TestEnvironment } from '@vigil/testing';

// A good call that an older Vigil dead-lettered during a database outage, sent back by an operator.
describe('replaying a dead letter', () => {
  let env: TestEnvironment;
  let vigil: RunningVigil;
  let gateway: TestAirwaveGateway;
  let nc: NatsConnection;
  let publisher: EventPublisher;

  beforeAll(async () => {
    env = await createTestEnvironment('replay');
    vigil = await startEmbeddedVigil(env.platform, env.ingest);
    gateway = await TestAirwaveGateway.connect(env.natsUrl, env.namespace, 'gw-replay');
    nc = await connect({ servers: env.natsUrl });
    publisher = new EventPublisher(nc.jetstream(), new BusNamespace(env.namespace), '/vigil/ingest');
  });

  afterAll(async () => {
    await nc?.close();
    await gateway?.close();
    await vigil?.close();
    await env?.dispose();
  });

  const operator = () => ({ Authorization: `Bearer ${vigil.tokenFor({ subject: 'op-1', role: 'operator' })}` });

  async function keepDeadLetter(id: string, letter: Partial<DeadLetter>): Promise<void> {
    await publisher.publish(
      'deadLetter',
      {
        rejectedBy: 'ingest-airwave',
        origin: 'nats:gw.airwave.gw-replay.sds',
        reason: 'gave up after 8 attempts: handler failed: connect ECONNREFUSED 127.0.0.1:5432',
        rawBase64: '',
        receivedAt: new Date().toISOString(),
        deliveryAttempts: 8,
        ...letter,
      },
      { id },
    );
    await eventually(async () => expect(await sql(env.databaseUrl, 'SELECT 1 FROM ingest.dead_letter WHERE id = $1', [id])).toHaveLength(1));
  }

  function replay(id: string, headers: Record<string, string> = operator()): Promise<Response> {
    return fetch(`${vigil.url}/api/dead-letters/${encodeURIComponent(id)}/replay`, { method: 'POST', headers });
  }

  async function settled(declaration: ConsumerDeclaration, streamSeq: number): Promise<void> {
    const jsm = await nc.jetstreamManager();
    await eventually(async () => {
      const info = await jsm.consumers.info(new BusNamespace(env.namespace).stream(declaration.stream), declaration.durable);
      expect(info.ack_floor.stream_seq).toBeGreaterThanOrEqual(streamSeq);
      expect({ pending: info.num_pending, ackPending: info.num_ack_pending }).toEqual({ pending: 0, ackPending: 0 });
    });
  }

  it('sends the kept bytes back to their subject: one incident however often it is replayed, each replay audited', async () => {
    const sds = gateway.sds('lost-in-outage', 'Criminal damage in Letchworth Town Centre');
    await keepDeadLetter('dlq:GATEWAY:41', { rawBase64: Buffer.from(JSON.stringify(sds)).toString('base64') });

    const first = await replay('dlq:GATEWAY:41');
    expect(first.status).toBe(202);
    const receipt = (await first.json()) as { subject: string; messageId: string; streamSeq: number };
    expect(receipt.subject).toBe('gw.airwave.gw-replay.sds');
    await eventually(async () => expect(await sql(env.databaseUrl, 'SELECT town FROM triage.incident')).toEqual([{ town: 'Letchworth Town Centre' }]));

    const second = await replay('dlq:GATEWAY:41');
    expect(second.status).toBe(202);
    const again = (await second.json()) as { messageId: string; streamSeq: number };
    expect(again.messageId).not.toBe(receipt.messageId);
    expect(again.streamSeq).toBeGreaterThan(receipt.streamSeq);
    await settled(CONSUMERS.ingestGateways, again.streamSeq);
    await settled(CONSUMERS.triageCalls, 1);
    expect(await sql(env.databaseUrl, 'SELECT town FROM triage.incident')).toEqual([{ town: 'Letchworth Town Centre' }]);

    const audit = await sql<{ replayed_by: string; replayed_by_role: string; subject: string }>(
      env.databaseUrl,
      'SELECT replayed_by, replayed_by_role, subject FROM ingest.dead_letter_replay WHERE dead_letter_id = $1',
      ['dlq:GATEWAY:41'],
    );
    expect(audit).toEqual([
      { replayed_by: 'op-1', replayed_by_role: 'operator', subject: 'gw.airwave.gw-replay.sds' },
      { replayed_by: 'op-1', replayed_by_role: 'operator', subject: 'gw.airwave.gw-replay.sds' },
    ]);
    const listed = (await (await fetch(`${vigil.url}/api/dead-letters`, { headers: operator() })).json()) as Record<string, unknown>[];
    expect(listed.find((l) => l.id === 'dlq:GATEWAY:41')).toMatchObject({ replayCount: 2, lastReplayedBy: 'op-1', lastReplayedAt: expect.any(String) });
  });

  it('refuses with 409 what did not come from NATS, 404 what is not there, 403 for a partner', async () => {
    await keepDeadLetter('dlq:http:7', { origin: 'http:10.0.0.4 airwave/gw-replay/sds', rawBase64: Buffer.from('{').toString('base64') });

    const http = await replay('dlq:http:7');
    expect(http.status).toBe(409);
    expect(((await http.json()) as { message: string }).message).toMatch(/cannot be replayed: only messages taken from NATS/);
    expect((await replay('dlq:nope:1')).status).toBe(404);
    const partner = await replay('dlq:GATEWAY:41', { Authorization: `Bearer ${vigil.tokenFor({ subject: 'p', role: 'partner', partnerId: 'north-herts' })}` });
    expect(partner.status).toBe(403);
    expect(await sql(env.databaseUrl, 'SELECT 1 FROM ingest.dead_letter_replay WHERE dead_letter_id = $1', ['dlq:http:7'])).toEqual([]);
  });
});
