import { connect, NatsConnection } from 'nats';
import { BusNamespace, decodeEvent, STREAMS } from '@vigil/bus';
import { DeadLetter } from '@vigil/contracts';
import { createTestEnvironment, eventually, RunningVigil, sql, startEmbeddedVigil, TestAirwaveGateway, TestEnvironment } from '@vigil/testing';

const HTTP_GATEWAY_SECRET = 'http-gateway-secret-0123';

describe('a malformed gateway message', () => {
  let env: TestEnvironment;
  let vigil: RunningVigil;
  let gateway: TestAirwaveGateway;
  let nc: NatsConnection;

  beforeAll(async () => {
    env = await createTestEnvironment('deadletters');
    vigil = await startEmbeddedVigil(env.platform, { ...env.ingest, gatewaySecrets: { 'gw-http': HTTP_GATEWAY_SECRET } });
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

  it('is kept even when its reason or bytes are text Postgres cannot store', async () => {
    await gateway.publishRaw('gw.airwave.gw-broken.sds', new Uint8Array([0x00, 0x00]), 'nul-1');
    await gateway.publishRaw('gw.airwave.gw-broken.status', new Uint8Array([0x7b, 0xff, 0xfe, 0x00]), 'bad-utf8-1');

    const rows = await eventually(async () => {
      const found = await sql<{ origin: string; reason: string; raw: Buffer }>(
        env.databaseUrl,
        `SELECT origin, reason, raw FROM ingest.dead_letter WHERE origin = 'nats:gw.airwave.gw-broken.status' OR raw = '\\x0000'::bytea ORDER BY origin`,
      );
      expect(found).toHaveLength(2);
      return found;
    });
    expect(rows).toEqual([
      { origin: 'nats:gw.airwave.gw-broken.sds', reason: expect.stringMatching(/^not UTF-8 JSON: .*'\\u0000'/), raw: Buffer.from([0x00, 0x00]) },
      { origin: 'nats:gw.airwave.gw-broken.status', reason: expect.stringMatching(/^not UTF-8 JSON: /), raw: Buffer.from([0x7b, 0xff, 0xfe, 0x00]) },
    ]);
  });

  it('is kept when an HTTP gateway sends a body over 64 KiB, and the gateway is told why', async () => {
    const body = JSON.stringify({ gatewayId: 'gw-http', messageId: 'big-1', occurredAt: new Date().toISOString(), callingIssi: 1, text: 'x'.repeat(70_000) });
    const response = await fetch(`${vigil.url}/api/gateways/airwave/gw-http/sds`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${HTTP_GATEWAY_SECRET}`, 'Content-Type': 'application/json' },
      body,
    });
    expect(response.status).toBe(413);
    const expectedReason = `body of ${Buffer.byteLength(body)} bytes is over the 64 KiB limit (first 65536 bytes kept)`;
    expect(((await response.json()) as { message: string }).message).toBe(expectedReason);

    await eventually(async () => {
      const rows = await sql<{ rejected_by: string; origin: string; reason: string; raw: Buffer }>(
        env.databaseUrl,
        `SELECT rejected_by, origin, reason, raw FROM ingest.dead_letter WHERE reason LIKE 'body of %'`,
      );
      expect(rows).toEqual([
        { rejected_by: 'ingest-http-intake', origin: expect.stringMatching(/^http:.* airwave\/gw-http\/sds$/), reason: expectedReason, raw: Buffer.from(body).subarray(0, 65536) },
      ]);
    });
  });
});
