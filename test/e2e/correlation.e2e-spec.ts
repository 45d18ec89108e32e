import { connect, NatsConnection } from 'nats';
import { BusNamespace, decodeEvent, STREAMS } from '@vigil/bus';
import { IncidentChanged, SUBJECTS } from '@vigil/contracts';
import { createTestEnvironment, eventually, RunningVigil, sql, startEmbeddedVigil, TestAirwaveGateway, TestEnvironment } from '@vigil/testing';
import { buildFrame, parseReply } from '../../apps/ingest/src/alarms';
import { TcpPanel } from '../../apps/ingest/src/alarms/testing/panel-clients';
import { DEFAULT_TRIAGE_POLICY } from '../../apps/triage/src/policy/triage-policy';
import { buildLocationRegisters } from '../../apps/triage/src/registers/location-registers';
import { DEMO_REGISTERS } from '../../apps/triage/src/registers/demo-registers';

// Three gateways as their equipment talks (DC-09 over TCP, Town Link and Airwave on NATS) about one shop, through ingest and triage.
describe('correlation end to end', () => {
  let env: TestEnvironment;
  let vigil: RunningVigil;
  let airwave: TestAirwaveGateway;
  let nc: NatsConnection;
  let panel: TcpPanel;

  beforeAll(async () => {
    env = await createTestEnvironment('correlate');
    const policy = { ...DEFAULT_TRIAGE_POLICY, registers: buildLocationRegisters(DEMO_REGISTERS) };
    vigil = await startEmbeddedVigil(env.platform, env.ingest, { triage: { restoreWaitSeconds: 30, policy } });
    airwave = await TestAirwaveGateway.connect(env.natsUrl, env.namespace, 'gw-aw');
    nc = await connect({ servers: env.natsUrl });
    const operator = vigil.tokenFor({ subject: 'op-7', role: 'operator' });
    const registered = await fetch(`${vigil.url}/api/alarm-accounts/7001`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${operator}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ partnerId: 'north-herts', site: 'Boots', address: '12 High Street, Hitchin', zones: { '3': 'Shop floor' } }),
    });
    expect(registered.status).toBe(200);
    panel = await TcpPanel.connect(vigil.dc09.tcp!);
  });

  afterAll(async () => {
    panel?.end();
    await nc?.close();
    await airwave?.close();
    await vigil?.close();
    await env?.dispose();
  });

  async function incidentEvents(incidentId: string): Promise<Array<{ subject: string; version: number; change?: string }>> {
    const jsm = await nc.jetstreamManager();
    const name = new BusNamespace(env.namespace).stream(STREAMS.incidents.name);
    const { state } = await jsm.streams.info(name);
    const found: Array<{ subject: string; version: number; change?: string }> = [];
    for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
      const message = await jsm.streams.getMessage(name, { seq });
      const decoded = decodeEvent(message.data);
      const data = decoded.ok ? (decoded.envelope.data as IncidentChanged) : undefined;
      if (data?.incidentId === incidentId) found.push({ subject: message.subject.split('.').slice(-3).join('.'), version: data.version, ...(data.change ? { change: data.change } : {}) });
    }
    return found;
  }

  it('makes one incident of an alarm, a Town Link call and an Airwave SDS about one shop, with three calls on its timeline', async () => {
    const frame = buildFrame({ id: 'SIA-DCS', sequence: '0001', receiver: '1', line: '1', account: '7001', data: '#7001|Nri1/BA03', timestamp: new Date() });
    await panel.write(frame);
    expect(parseReply(await panel.nextReply())).toMatchObject({ ok: true, reply: { id: 'ACK' } });
    const [{ id }] = await eventually(async () => {
      const rows = await sql<{ id: string }>(env.databaseUrl, `SELECT id FROM triage.incident`);
      expect(rows).toHaveLength(1);
      return rows;
    });

    const townlink = { gatewayId: 'gw-tl', messageId: 'mc-1', occurredAt: new Date().toISOString(), scheme: 'Town Link', memberId: 'TL-118', business: 'Boots', town: 'Hitchin', text: 'Two males running out with stock' };
    await nc.jetstream().publish(new BusNamespace(env.namespace).subject('gw.townlink.gw-tl.member-call'), JSON.stringify(townlink), { msgID: 'gw-tl:mc-1' });
    await airwave.publishSds(airwave.sds('sds-1', 'Units attending Boots, Hitchin: one male detained', { callingIssi: 2260201 }));

    await eventually(async () => {
      const incidents = await sql(env.databaseUrl, `SELECT id, call_count, category, subcategory, town FROM triage.incident`);
      expect(incidents).toEqual([{ id, call_count: 3, category: 'Alarm Activation', subcategory: 'Intruder Alarm', town: 'Hitchin Town Centre' }]);
    });
    const timeline = await sql<{ kind: string; source: string }>(
      env.databaseUrl,
      `SELECT t.kind, c.source FROM triage.timeline_entry t JOIN triage.call c ON c.call_key = t.detail->>'callKey' WHERE t.incident_id = $1 ORDER BY t.id`,
      [id],
    );
    expect(timeline.map((entry) => entry.kind)).toEqual(['opened', 'call-joined', 'call-joined']);
    expect(timeline.map((entry) => entry.source).sort()).toEqual(['Alarm', 'Police Airwaves', 'Town Link']);
    await eventually(async () =>
      expect(await incidentEvents(id)).toEqual([
        { subject: 'incident.north-herts.opened', version: 1 },
        { subject: 'incident.north-herts.call-added', version: 2, change: 'call-added' },
        { subject: 'incident.north-herts.call-added', version: 3, change: 'call-added' },
      ]),
    );
  });

  it('opens a grade 1 incident at once for an Airwave emergency status', async () => {
    await airwave.publishRaw(SUBJECTS.airwave.status('gw-aw'), JSON.stringify({ gatewayId: 'gw-aw', messageId: 'st-0', occurredAt: new Date().toISOString(), callingIssi: 2260301, status: 0 }), 'gw-aw:st-0');
    await eventually(async () => {
      const rows = await sql(env.databaseUrl, `SELECT grade, town, call_count, respond_by IS NOT NULL AS has_target FROM triage.incident WHERE summary LIKE 'EMERGENCY status%'`);
      expect(rows).toEqual([{ grade: 1, town: 'Stevenage Town Centre', call_count: 1, has_target: true }]);
    });
  });
});
