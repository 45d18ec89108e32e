import { connect, NatsConnection } from 'nats';
import { BusNamespace, decodeEvent, STREAMS } from '@vigil/bus';
import { SourceStateChanged, SUBJECTS } from '@vigil/contracts';
import { createTestEnvironment, eventually, RunningVigil, sql, startEmbeddedVigil, TestAirwaveGateway, TestEnvironment } from '@vigil/testing';

const HTTP_GATEWAY_SECRET = 'http-gateway-secret-0123';

// Every non-alarm source as its equipment or its people use it: NATS gateways, the HTTP intake, operators' REST calls.
describe('call sources', () => {
  let env: TestEnvironment;
  let vigil: RunningVigil;
  let airwave: TestAirwaveGateway;
  let nc: NatsConnection;
  let operator: string;

  beforeAll(async () => {
    env = await createTestEnvironment('sources');
    vigil = await startEmbeddedVigil(env.platform, {
      ...env.ingest,
      gatewayHeartbeatSeconds: 1,
      supervisionTickMs: 100,
      gatewaySecrets: { 'gw-http': HTTP_GATEWAY_SECRET },
    });
    airwave = await TestAirwaveGateway.connect(env.natsUrl, env.namespace, 'gw-aw');
    nc = await connect({ servers: env.natsUrl });
    operator = vigil.tokenFor({ subject: 'op-jones', role: 'operator' });
  });

  afterAll(async () => {
    await nc?.close();
    await airwave?.close();
    await vigil?.close();
    await env?.dispose();
  });

  async function incidentWhere(summaryLike: string) {
    return eventually(async () => {
      const rows = await sql<{ category: string; grade: number; call_source: string; town: string | null; partner_id: string | null }>(
        env.databaseUrl,
        `SELECT category, grade, call_source, town, partner_id FROM triage.incident WHERE summary LIKE $1`,
        [summaryLike],
      );
      expect(rows).toHaveLength(1);
      return rows[0];
    });
  }

  async function publishTownlink(kind: string, body: object, msgId?: string): Promise<void> {
    const subject = new BusNamespace(env.namespace).subject(`gw.townlink.gw-tl.${kind}`);
    await nc.jetstream().publish(subject, JSON.stringify(body), msgId ? { msgID: msgId } : undefined);
  }

  async function sourceEvents(sourceId: string): Promise<SourceStateChanged[]> {
    const jsm = await nc.jetstreamManager();
    const name = new BusNamespace(env.namespace).stream(STREAMS.sources.name);
    const { state } = await jsm.streams.info(name);
    const found: SourceStateChanged[] = [];
    for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
      const decoded = decodeEvent((await jsm.streams.getMessage(name, { seq })).data);
      if (decoded.ok && (decoded.envelope.data as SourceStateChanged).sourceId === sourceId) found.push(decoded.envelope.data as SourceStateChanged);
    }
    return found;
  }

  it('gives an Airwave emergency status and emergency call the top grade', async () => {
    await airwave.publishRaw(SUBJECTS.airwave.status('gw-aw'), JSON.stringify({ gatewayId: 'gw-aw', messageId: 'st-0', occurredAt: new Date().toISOString(), callingIssi: 2260111, status: 0 }), 'gw-aw:st-0');
    await airwave.publishRaw(
      SUBJECTS.airwave.call('gw-aw'),
      JSON.stringify({ gatewayId: 'gw-aw', messageId: 'ec-1', occurredAt: new Date().toISOString(), callingIssi: 2260112, called: { kind: 'gssi', id: 9001 }, callType: 'group', emergency: true }),
      'gw-aw:ec-1',
    );
    expect(await incidentWhere('EMERGENCY status from ISSI 2260111%')).toMatchObject({ grade: 1, call_source: 'Police Airwaves' });
    expect(await incidentWhere('EMERGENCY call from ISSI 2260112%')).toMatchObject({ grade: 1, call_source: 'Police Airwaves' });
  });

  it('takes Town Link member calls and panic buttons, and records a stunned radio', async () => {
    const base = { gatewayId: 'gw-tl', occurredAt: new Date().toISOString(), scheme: 'Pub Link', memberId: 'PL-17', business: 'The Red Lion', town: 'Royston' };
    await publishTownlink('member-call', { ...base, messageId: 'mc-1', text: 'Drunk male refusing to leave, getting aggressive' }, 'gw-tl:mc-1');
    await publishTownlink('radio-state', { gatewayId: 'gw-tl', messageId: 'rs-1', occurredAt: new Date().toISOString(), scheme: 'Town Link', radioId: 'R-999', state: 'stunned', by: 'op-jones', reason: 'reported stolen' }, 'gw-tl:rs-1');

    expect(await incidentWhere('%The Red Lion (member PL-17): Drunk male%')).toMatchObject({
      category: 'Anti Social Behaviour',
      call_source: 'Town Link',
      town: 'Royston Town Centre',
      partner_id: 'north-herts',
    });
    // The panic from the same member a moment later is the same event: it joins and raises the incident to grade 1.
    // (Sent once the call's incident exists: two messages published together may reach triage in either
    // order through ingest's parallel batches, and then the panic would open the incident the call joins.)
    await publishTownlink('panic', { ...base, messageId: 'pa-1', radioId: 'R-204' }, 'gw-tl:pa-1');
    await eventually(async () => {
      const rows = await sql(env.databaseUrl, `SELECT grade, call_count, partner_id FROM triage.incident WHERE summary LIKE '%The Red Lion (member PL-17)%'`);
      expect(rows).toEqual([{ grade: 1, call_count: 2, partner_id: 'north-herts' }]);
    });
    expect(await sql(env.databaseUrl, `SELECT correlation_reason FROM triage.call WHERE summary LIKE 'PANIC button: The Red Lion%'`)).toEqual([{ correlation_reason: 'same-radio-member' }]);
    await eventually(async () => {
      expect(await sql(env.databaseUrl, `SELECT state, changed_by, reason FROM ingest.radio_state WHERE radio_id = 'R-999'`)).toEqual([
        { state: 'stunned', changed_by: 'op-jones', reason: 'reported stolen' },
      ]);
    });
  });

  it('raises a fault when a gateway\'s heartbeat stops, and clears it when it beats again', async () => {
    await publishTownlink('heartbeat', { gatewayId: 'gw-beat', sentAt: new Date().toISOString() });
    const subject = new BusNamespace(env.namespace).subject('gw.townlink.gw-beat.heartbeat');
    await nc.jetstream().publish(subject, JSON.stringify({ gatewayId: 'gw-beat', sentAt: new Date().toISOString() }));
    await eventually(async () => expect((await sourceEvents('gw-beat')).map((f) => f.state)).toEqual(['up', 'late', 'down']), { timeoutMs: 15_000 });
    const board = (await (await fetch(`${vigil.url}/api/sources`, { headers: { Authorization: `Bearer ${operator}` } })).json()) as unknown[];
    expect(board).toContainEqual(expect.objectContaining({ sourceKind: 'townlink', sourceId: 'gw-beat', state: 'down', expectedIntervalSeconds: 1 }));

    await nc.jetstream().publish(subject, JSON.stringify({ gatewayId: 'gw-beat', sentAt: new Date().toISOString() }));
    await eventually(async () => expect((await sourceEvents('gw-beat')).map((f) => f.state)).toEqual(['up', 'late', 'down', 'up']));
  });

  describe('operators entering calls over REST', () => {
    const post = (token: string, body: unknown) =>
      fetch(`${vigil.url}/api/calls`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

    it('opens an incident with who entered it, once per client reference', async () => {
      const body = { source: 'Police Control', text: 'Police request review: male in red jacket, Letchworth', policeReference: 'CAD 0412', clientReference: 'form-1' };
      const first = await post(operator, body);
      expect(first.status).toBe(201);
      expect(await first.json()).toMatchObject({ callKey: 'manual:op-jones:form-1', duplicate: false });
      const again = await post(operator, body);
      expect(await again.json()).toMatchObject({ callKey: 'manual:op-jones:form-1', duplicate: true });

      expect(await incidentWhere('Police request review: male in red jacket%')).toMatchObject({ call_source: 'Police Control', town: 'Letchworth Town Centre' });
      const [call] = await sql<{ raw: { text: string } }>(env.databaseUrl, `SELECT raw FROM triage.call WHERE call_key = 'manual:op-jones:form-1'`);
      expect(call.raw.text).toBe(body.text);
    });

    it.each([
      [{ source: 'Police Control' }, /^invalid call: text: /],
      [{ source: 'Walk-in', text: 'someone came to the door' }, /^invalid call: source: /],
      [{ source: 'Controller', text: 'seen on camera', category: 'Spaceship' }, /^invalid call: "Spaceship" is not in the partnership's taxonomy/],
      [{ source: 'Controller', text: 'seen on camera', surprise: 1 }, /^invalid call: \(body\): Unrecognized key/],
    ])('answers %j with 400 and what to fix', async (body, message) => {
      const response = await post(operator, body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(message);
    });

    it('refuses entries from anyone but an operator', async () => {
      const response = await post(vigil.tokenFor({ subject: 'sbc', role: 'partner', partnerId: 'stevenage' }), { source: 'Controller', text: 'seen on camera' });
      expect(response.status).toBe(403);
    });

    it('documents the endpoint in OpenAPI', async () => {
      const spec = (await (await fetch(`${vigil.url}/api/docs-json`)).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(spec.paths)).toContain('/api/calls');
    });
  });

  describe('HTTP intake for gateways that cannot speak NATS', () => {
    const postAs = (secret: string, path: string, body: string) =>
      fetch(`${vigil.url}/api/gateways/${path}`, { method: 'POST', headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' }, body });
    const sds = (messageId: string, text: string) =>
      JSON.stringify({ gatewayId: 'gw-http', messageId, occurredAt: new Date().toISOString(), callingIssi: 2260150, text });

    it('takes the same payload as NATS, de-duplicated by the gateway\'s message id', async () => {
      const first = await postAs(HTTP_GATEWAY_SECRET, 'airwave/gw-http/sds', sds('h-1', 'Shoplifter running from the market, Hertford'));
      expect(first.status).toBe(202);
      expect(await first.json()).toEqual({ accepted: true, duplicate: false });
      const again = await postAs(HTTP_GATEWAY_SECRET, 'airwave/gw-http/sds', sds('h-1', 'Shoplifter running from the market, Hertford'));
      expect(await again.json()).toEqual({ accepted: true, duplicate: true });
      expect(await incidentWhere('Shoplifter running from the market, Hertford')).toMatchObject({ category: 'Theft', partner_id: 'east-herts' });
    });

    it('refuses a wrong secret, and another gateway\'s name in the payload', async () => {
      expect((await postAs('not-the-secret-at-all', 'airwave/gw-http/sds', sds('h-2', 'x'))).status).toBe(401);
      const impostor = JSON.stringify({ gatewayId: 'gw-aw', messageId: 'h-3', occurredAt: new Date().toISOString(), callingIssi: 1, text: 'x' });
      const refused = await postAs(HTTP_GATEWAY_SECRET, 'airwave/gw-http/sds', impostor);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { message: string }).message).toBe('payload names gateway "gw-aw" but came from gateway "gw-http": a gateway speaks only for itself');
      await eventually(async () => {
        const rows = await sql(env.databaseUrl, `SELECT origin, raw FROM ingest.dead_letter WHERE reason LIKE 'payload names gateway "gw-aw"%'`);
        expect(rows).toEqual([{ origin: expect.stringMatching(/^http:.* airwave\/gw-http\/sds$/), raw: Buffer.from(impostor) }]);
      });
    });

    it('answers an invalid message with the reason and keeps it as a dead letter', async () => {
      const response = await postAs(HTTP_GATEWAY_SECRET, 'airwave/gw-http/sds', '{"gatewayId":"gw-http", nope');
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/^not UTF-8 JSON: /);
      await eventually(async () => {
        const rows = await sql<{ origin: string; raw: Buffer }>(env.databaseUrl, `SELECT origin, raw FROM ingest.dead_letter WHERE rejected_by = 'ingest-http-intake' AND reason LIKE 'not UTF-8 JSON%'`);
        expect(rows).toEqual([{ origin: expect.stringMatching(/^http:.* airwave\/gw-http\/sds$/), raw: Buffer.from('{"gatewayId":"gw-http", nope') }]);
      });
    });
  });
});
