import { connect, NatsConnection } from 'nats';
import { BusNamespace, decodeEvent, STREAMS } from '@vigil/bus';
import { DeadLetter } from '@vigil/contracts';
import { createTestEnvironment, eventually, RunningVigil, sql, startEmbeddedVigil, TestAirwaveGateway, TestEnvironment } from '@vigil/testing';

describe('a malformed gateway message', () => {
  let env: TestEnvironment;
  let vigil: RunningVigil;
  let gateway: TestAirwaveGateway;
  let nc: NatsConnection;

  beforeAll(async () => {
    env = await createTestEnvironment('deadletters');
    vigil = await startEmbeddedVigil(env.platform, env.ingest);
    gateway = await TestAirwaveGateway.connect(env.natsUrl, env.namespace, 'gw-broken');
    nc = await connect({ servers: env.natsUrl });
  });

  afterAll(async () => {
    await nc?.close();
    await gateway?.close();
    await vigil?.close();
    await env?.dispose();
  });

  async function deadLettersInStream(): Promise<DeadLetter[]> {
    const jsm = await nc.jetstreamManager();
    const stream = new BusNamespace(env.namespace).stream(STREAMS.deadLetters.name);
    const { state } = await jsm.streams.info(stream);
    const letters: DeadLetter[] = [];
    for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq++) {
      const message = await jsm.streams.getMessage(stream, { seq });
      const decoded = decodeEvent(message.data);
      if (decoded.ok) letters.push(decoded.envelope.data as DeadLetter);
    }
    return letters;
  }

  it('ends in the dead-letter stream and table with its reason and raw bytes, and the service keeps going', async () => {
    await gateway.publishRaw('gw.airwave.gw-broken.sds', '{"gatewayId": "gw-broken", "text": ', 'broken-1');
    await gateway.publishRaw('gw.airwave.gw-broken.sds', JSON.stringify(gateway.sds('bad-issi', 'Fight in Ware', { callingIssi: -4 })), 'broken-2');
    await gateway.publishRaw('gw.airwave.gw-broken.telemetry', '{}', 'broken-3');
    await gateway.publishSds(gateway.sds('good-after', 'Shoplifter in Ware Town Centre'));

    const inStream = await eventually(async () => {
      const letters = await deadLettersInStream();
      expect(letters).toHaveLength(3);
      return letters;
    });
    expect(inStream.map((l) => l.reason).sort()).toEqual([
      expect.stringMatching(/^invalid Airwave SDS: callingIssi: /),
      expect.stringMatching(/^not UTF-8 JSON: /),
      'unknown airwave message kind "telemetry" on "gw.airwave.gw-broken.telemetry" (expected sds, status, call, heartbeat)',
    ]);

    const rows = await eventually(async () => {
      const found = await sql<{ rejected_by: string; origin: string; reason: string; raw: Buffer }>(
        env.databaseUrl,
        'SELECT rejected_by, origin, reason, raw FROM ingest.dead_letter ORDER BY origin, reason',
      );
      expect(found).toHaveLength(3);
      return found;
    });
    expect(rows.find((r) => r.reason.startsWith('not UTF-8 JSON'))).toEqual({
      rejected_by: 'ingest-gateways',
      origin: 'nats:gw.airwave.gw-broken.sds',
      reason: expect.any(String),
      raw: Buffer.from('{"gatewayId": "gw-broken", "text": '),
    });

    await eventually(async () => {
      const incidents = await sql(env.databaseUrl, 'SELECT town FROM triage.incident');
      expect(incidents).toEqual([{ town: 'Ware Town Centre' }]);
    });

    const api = await fetch(`${vigil.url}/api/dead-letters`, {
      headers: { Authorization: `Bearer ${vigil.tokenFor({ subject: 'op-1', role: 'operator' })}` },
    });
    expect(api.status).toBe(200);
    const listed = (await api.json()) as { reason: string; rawText: string | null }[];
    expect(listed).toHaveLength(3);
    expect(listed).toContainEqual(expect.objectContaining({ rawText: '{"gatewayId": "gw-broken", "text": ' }));

    const partner = await fetch(`${vigil.url}/api/dead-letters`, {
      headers: { Authorization: `Bearer ${vigil.tokenFor({ subject: 'p', role: 'partner', partnerId: 'east-herts' })}` },
    });
    expect(partner.status).toBe(403);
  });
});
