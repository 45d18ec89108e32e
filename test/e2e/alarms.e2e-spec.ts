import { connect, NatsConnection } from 'nats';
import { BusNamespace, decodeEvent, STREAMS } from '@vigil/bus';
import { CallReceived, SourceStateChanged } from '@vigil/contracts';
import { createTestEnvironment, eventually, RunningVigil, sql, startEmbeddedVigil, TestEnvironment } from '@vigil/testing';
import { buildFrame, OutgoingMessage, parseReply } from '../../apps/ingest/src/alarms';
import { TcpPanel, UdpPanel } from '../../apps/ingest/src/alarms/testing/panel-clients';

const KEY_HEX = '000102030405060708090a0b0c0d0e0f';
/** Short, so a repeat after the resend window needs no fake clock; real panels get minutes. */
const RESEND_WINDOW_SECONDS = 2;
/** Long enough for an alarm sent right after its restore to get through, short enough to watch a wait end. */
const RESTORE_WAIT_SECONDS = 5;

// Alarm panels talking SIA DC-09 to the receiver inside Vigil, over real TCP and UDP sockets.
describe('alarm panels over SIA DC-09', () => {
  let env: TestEnvironment;
  let vigil: RunningVigil;
  let nc: NatsConnection;
  let panel: TcpPanel;
  let operator: string;

  beforeAll(async () => {
    env = await createTestEnvironment('alarms');
    vigil = await startEmbeddedVigil(env.platform, {
      ...env.ingest,
      supervisionTickMs: 100,
      dc09: { ...env.ingest.dc09, resendWindowSeconds: RESEND_WINDOW_SECONDS },
    }, { triage: { restoreWaitSeconds: RESTORE_WAIT_SECONDS } });
    nc = await connect({ servers: env.natsUrl });
    operator = vigil.tokenFor({ subject: 'op-7', role: 'operator' });
    await register('1234', { partnerId: 'north-herts', site: 'Boots', address: '12 High Street, Hitchin', zones: { '3': 'Rear door' } });
    await register('5678', { partnerId: 'stevenage', site: 'Post Office', address: 'Queensway, Stevenage', key: `hex:${KEY_HEX}` });
    panel = await TcpPanel.connect(vigil.dc09.tcp!);
  });

  afterAll(async () => {
    panel?.end();
    await nc?.close();
    await vigil?.close();
    await env?.dispose();
  });

  async function register(account: string, body: Record<string, unknown>): Promise<void> {
    const response = await fetch(`${vigil.url}/api/alarm-accounts/${account}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${operator}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
  }

  async function sources(): Promise<Array<{ sourceKind: string; sourceId: string; state: string; reason: string }>> {
    const response = await fetch(`${vigil.url}/api/sources`, { headers: { Authorization: `Bearer ${operator}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as Array<{ sourceKind: string; sourceId: string; state: string; reason: string }>;
  }

  async function udpExchange(bytes: Buffer) {
    const udp = await UdpPanel.open();
    try {
      const reply = parseReply(await udp.exchange(vigil.dc09.udp!, bytes));
      if (!reply.ok) throw new Error(reply.reason);
      return reply.reply;
    } finally {
      await udp.close();
    }
  }

  async function callsForZone(account: string, zone: string): Promise<CallReceived[]> {
    return (await streamData<CallReceived>(STREAMS.calls.name)).filter((c) => c.alarm?.account === account && c.alarm.zone === zone);
  }

  function frame(fields: Partial<OutgoingMessage>, key?: Buffer): Buffer {
    return buildFrame({ id: 'SIA-DCS', sequence: '0001', receiver: '1', line: '1', account: '1234', data: '#1234|Nri1/BA03', timestamp: new Date(), ...fields }, key);
  }

  async function exchange(bytes: Buffer) {
    await panel.write(bytes);
    const reply = parseReply(await panel.nextReply());
    if (!reply.ok) throw new Error(reply.reason);
    return reply.reply;
  }

  async function streamData<T>(stream: string): Promise<T[]> {
    const jsm = await nc.jetstreamManager();
    const name = new BusNamespace(env.namespace).stream(stream);
    const { state } = await jsm.streams.info(name);
    const found: T[] = [];
    for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
      const decoded = decodeEvent((await jsm.streams.getMessage(name, { seq })).data);
      if (decoded.ok) found.push(decoded.envelope.data as T);
    }
    return found;
  }

  async function deadLetterReasons(): Promise<string[]> {
    return (await sql<{ reason: string }>(env.databaseUrl, `SELECT reason FROM ingest.dead_letter WHERE rejected_by = 'ingest-dc09'`)).map((r) => r.reason);
  }

  it('acknowledges an intruder alarm and its restore, and the restore joins the alarm\'s incident', async () => {
    expect(await exchange(frame({ sequence: '0001' }))).toMatchObject({ id: 'ACK', sequence: '0001', receiver: '1', line: '1', account: '1234' });
    expect(await exchange(frame({ sequence: '0002', data: '#1234|Nri1/BR03' }))).toMatchObject({ id: 'ACK', sequence: '0002', account: '1234' });

    const calls = await eventually(async () => {
      const found = (await streamData<CallReceived>(STREAMS.calls.name)).filter((c) => c.alarm?.account === '1234');
      expect(found).toHaveLength(2);
      return found;
    });
    expect(calls.map((c) => [c.source, c.alarm?.code, c.alarm?.qualifier, c.alarm?.zoneName, c.location.partnerId])).toEqual([
      ['Alarm', 'BA', 'new', 'Rear door', 'north-herts'],
      ['Alarm', 'BR', 'restore', 'Rear door', 'north-herts'],
    ]);

    await eventually(async () => {
      const incidents = await sql(env.databaseUrl, `SELECT category, subcategory, town, call_source FROM triage.incident`);
      expect(incidents).toEqual([{ category: 'Alarm Activation', subcategory: 'Intruder Alarm', town: 'Hitchin Town Centre', call_source: 'Alarm' }]);
      const timeline = await sql(env.databaseUrl, `SELECT kind FROM triage.timeline_entry ORDER BY id`);
      expect(timeline).toEqual([{ kind: 'opened' }, { kind: 'alarm-restored' }]);
    });
  });

  async function restoresOfZone(zone: string): Promise<Array<{ call_key: string; restore_status: string; incident_id: string | null }>> {
    return sql(
      env.databaseUrl,
      `SELECT call_key, restore_status, incident_id FROM triage.call WHERE alarm->>'account' = '1234' AND alarm->>'zone' = $1 AND alarm->>'qualifier' = 'restore'`,
      [zone],
    );
  }

  async function pendingRestoreWaits(callKey: string): Promise<unknown[]> {
    return sql(env.databaseUrl, `SELECT 1 FROM triage_timers.jobs WHERE key = $1`, [`restore-wait:${callKey}`]);
  }

  it('stores a restore that overtook its alarm at once, and pairs it when the alarm arrives', async () => {
    expect(await exchange(frame({ sequence: '0060', data: '#1234|Nri1/BR21' }))).toMatchObject({ id: 'ACK', sequence: '0060' });
    const [waiting] = await eventually(async () => {
      const rows = await restoresOfZone('21');
      expect(rows).toEqual([{ call_key: expect.any(String), restore_status: 'waiting', incident_id: null }]);
      return rows;
    });
    expect(await pendingRestoreWaits(waiting.call_key)).toHaveLength(1);

    expect(await exchange(frame({ sequence: '0061', data: '#1234|Nri1/BA21' }))).toMatchObject({ id: 'ACK', sequence: '0061' });
    const incidentId = await eventually(async () => {
      const [row] = await restoresOfZone('21');
      expect(row).toMatchObject({ restore_status: 'attached', incident_id: expect.any(String) });
      return row.incident_id!;
    });
    const timeline = await sql(env.databaseUrl, `SELECT kind, detail->>'callKey' AS call_key FROM triage.timeline_entry WHERE incident_id = $1 ORDER BY id`, [incidentId]);
    // With the site's earlier alarm still open this one joins it (same alarm site), else it opens: its restore is paired either way.
    const [alarmEntry, restoreEntry] = timeline.slice(-2);
    expect(['opened', 'call-joined']).toContain(alarmEntry.kind);
    expect(restoreEntry).toEqual({ kind: 'alarm-restored', call_key: waiting.call_key });
    expect(await pendingRestoreWaits(waiting.call_key)).toEqual([]);
  });

  it('records a restore whose alarm never comes alone, once the restore wait is over', async () => {
    expect(await exchange(frame({ sequence: '0062', data: '#1234|Nri1/BR22' }))).toMatchObject({ id: 'ACK', sequence: '0062' });
    await eventually(async () => expect(await restoresOfZone('22')).toEqual([expect.objectContaining({ restore_status: 'waiting', incident_id: null })]));
    const [alone] = await eventually(
      async () => {
        const rows = await restoresOfZone('22');
        expect(rows).toEqual([expect.objectContaining({ restore_status: 'alone', incident_id: null })]);
        return rows;
      },
      { timeoutMs: RESTORE_WAIT_SECONDS * 1000 + 5_000, intervalMs: 250 },
    );
    expect(await pendingRestoreWaits(alone.call_key)).toEqual([]);
    expect(await sql(env.databaseUrl, `SELECT 1 FROM triage.call WHERE alarm->>'zone' = '22' AND incident_id IS NOT NULL`)).toEqual([]);
  });

  it('makes one call of an alarm the panel resends after a lost ACK', async () => {
    const once = frame({ sequence: '0020', data: '#1234|Nri1/BA07' });
    expect(await exchange(once)).toMatchObject({ id: 'ACK', sequence: '0020' });
    expect(await exchange(once)).toMatchObject({ id: 'ACK', sequence: '0020' });
    await eventually(async () => {
      const calls = (await streamData<CallReceived>(STREAMS.calls.name)).filter((c) => c.alarm?.account === '1234' && c.alarm.zone === '7');
      expect(calls).toHaveLength(1);
      expect(await sql(env.databaseUrl, `SELECT 1 FROM triage.call WHERE alarm->>'zone' = '7'`)).toHaveLength(1);
    });
  });

  it('answers an encrypted alarm with an encrypted ACK the panel can read', async () => {
    const key = Buffer.from(KEY_HEX, 'hex');
    await panel.write(frame({ sequence: '0003', account: '5678', data: '#5678|Nri1/PA02' }, key));
    const raw = await panel.nextReply();
    expect(parseReply(raw).ok).toBe(false); // unreadable without the key
    const reply = parseReply(raw, key);
    expect(reply).toMatchObject({ ok: true, reply: { id: 'ACK', encrypted: true, sequence: '0003', account: '5678' } });
    await eventually(async () => {
      const rows = await sql(env.databaseUrl, `SELECT grade, subcategory, partner_id FROM triage.incident WHERE subcategory = 'Personal Attack'`);
      expect(rows).toEqual([{ grade: 1, subcategory: 'Personal Attack', partner_id: 'stevenage' }]);
    });
  });

  it('NAKs a plain message from an account that has a key, shows "key-mismatch" on the board, and clears it on a good frame', async () => {
    expect(await exchange(frame({ sequence: '0004', account: '5678', data: '#5678|Nri1/BA01' }))).toMatchObject({ id: 'NAK' });
    await eventually(async () => expect(await deadLetterReasons()).toContainEqual(expect.stringMatching(/^key-required: /)));
    await eventually(async () =>
      expect(await sources()).toContainEqual(expect.objectContaining({ sourceKind: 'alarm', sourceId: '5678', state: 'key-mismatch', reason: expect.stringMatching(/^key-required: /) })),
    );

    const wrongKey = Buffer.alloc(16, 7);
    await panel.write(frame({ sequence: '0014', account: '5678', data: '#5678|Nri1/BA01' }, wrongKey));
    expect(parseReply(await panel.nextReply())).toMatchObject({ ok: true, reply: { id: 'NAK' } });
    await eventually(async () => expect(await deadLetterReasons()).toContainEqual(expect.stringMatching(/^decrypt-failed: /)));

    const key = Buffer.from(KEY_HEX, 'hex');
    await panel.write(buildFrame({ id: 'NULL', sequence: '0015', receiver: '1', line: '1', account: '5678', timestamp: new Date() }, key));
    expect(parseReply(await panel.nextReply(), key)).toMatchObject({ ok: true, reply: { id: 'ACK' } });
    await eventually(async () => {
      expect(await sources()).toContainEqual(expect.objectContaining({ sourceId: '5678', state: 'up', reason: 'heard-after-key-mismatch' }));
      const states = (await streamData<SourceStateChanged>(STREAMS.sources.name)).filter((e) => e.sourceId === '5678').map((e) => e.state);
      expect(states.slice(-2)).toEqual(['key-mismatch', 'up']);
    });
  });

  it('makes one incident of an encrypted alarm resent after a lost ACK with a new timestamp and pad', async () => {
    const key = Buffer.from(KEY_HEX, 'hex');
    const message = { sequence: '0040', account: '5678', data: '#5678|Nri1/BA09' };
    const first = frame({ ...message, timestamp: new Date() }, key);
    const resent = frame({ ...message, timestamp: new Date(Date.now() + 2_000) }, key);
    for (const bytes of [first, resent]) {
      await panel.write(bytes);
      expect(parseReply(await panel.nextReply(), key)).toMatchObject({ ok: true, reply: { id: 'ACK', sequence: '0040' } });
    }
    const udpResent = frame({ ...message, timestamp: new Date(Date.now() + 3_000) }, key);
    const udp = await UdpPanel.open();
    try {
      expect(parseReply(await udp.exchange(vigil.dc09.udp!, udpResent), key)).toMatchObject({ ok: true, reply: { id: 'ACK', sequence: '0040' } });
    } finally {
      await udp.close();
    }
    await eventually(async () => {
      expect(await callsForZone('5678', '9')).toHaveLength(1);
      expect(await sql(env.databaseUrl, `SELECT 1 FROM triage.call WHERE alarm->>'account' = '5678' AND alarm->>'zone' = '9'`)).toHaveLength(1);
    });
  });

  it.each([
    ['TCP', '0041', '11'],
    ['UDP', '0042', '12'],
  ])('over %s, makes a new call of the same plain alarm repeated after the resend window', async (transport, sequence, zone) => {
    // No timestamp: a restarted dialler repeats the message byte for byte.
    const repeated = frame({ sequence, data: `#1234|Nri1/BA${zone}`, timestamp: undefined });
    const send = (bytes: Buffer) => (transport === 'TCP' ? exchange(bytes) : udpExchange(bytes));
    expect(await send(repeated)).toMatchObject({ id: 'ACK', sequence });
    expect(await callsForZone('1234', zone)).toHaveLength(1);
    // Resends inside the window are ACKed and stay one call; once past it, the repeat is ACKed and is a second call.
    await eventually(
      async () => {
        expect(await send(repeated)).toMatchObject({ id: 'ACK', sequence });
        expect(await callsForZone('1234', zone)).toHaveLength(2);
      },
      { timeoutMs: RESEND_WINDOW_SECONDS * 1000 + 5_000, intervalMs: 250 },
    );
    await eventually(async () => expect(await sql(env.databaseUrl, `SELECT 1 FROM triage.call WHERE alarm->>'account' = '1234' AND alarm->>'zone' = $1`, [zone])).toHaveLength(2));
  });

  it('judges the next frame by an account changed or deleted a moment ago', async () => {
    await register('ABCD', { partnerId: 'north-herts', site: 'Pharmacy', address: 'Bancroft, Hitchin' });
    const alarm = (sequence: string) => frame({ sequence, account: 'ABCD', data: '#ABCD|Nri1/BA01' });
    expect(await exchange(alarm('0050'))).toMatchObject({ id: 'ACK' });
    await register('ABCD', { partnerId: 'north-herts', site: 'Pharmacy', address: 'Bancroft, Hitchin', key: `hex:${KEY_HEX}` });
    expect(await exchange(alarm('0051'))).toMatchObject({ id: 'NAK' });

    const deleted = await fetch(`${vigil.url}/api/alarm-accounts/abcd`, { method: 'DELETE', headers: { Authorization: `Bearer ${operator}` } });
    expect(deleted.status).toBe(204);
    const again = await fetch(`${vigil.url}/api/alarm-accounts/ABCD`, { method: 'DELETE', headers: { Authorization: `Bearer ${operator}` } });
    expect(again.status).toBe(404);
    const listed = await fetch(`${vigil.url}/api/alarm-accounts`, { headers: { Authorization: `Bearer ${operator}` } });
    expect(((await listed.json()) as Array<{ account: string }>).map((a) => a.account)).not.toContain('ABCD');
    expect(await exchange(alarm('0052'))).toMatchObject({ id: 'NAK' });
    await eventually(async () => expect(await deadLetterReasons()).toContainEqual(expect.stringMatching(/^unknown-account: .*ABCD/)));
  });

  it('NAKs a panel whose clock has drifted, with the receiver\'s time', async () => {
    const drifted = new Date(Date.now() - 10 * 60_000);
    const before = Date.now();
    const reply = await exchange(frame({ sequence: '0005', timestamp: drifted }));
    expect(reply.id).toBe('NAK');
    expect(Math.abs(reply.timestamp!.getTime() - before)).toBeLessThan(5_000);
    await eventually(async () => expect(await deadLetterReasons()).toContainEqual(expect.stringMatching(/^clock-drift: /)));
  });

  it('NAKs an unknown account and keeps the frame', async () => {
    expect(await exchange(frame({ sequence: '0006', account: '9999', data: '#9999|NBA01' }))).toMatchObject({ id: 'NAK' });
    await eventually(async () => expect(await deadLetterReasons()).toContainEqual(expect.stringMatching(/^unknown-account: .*9999/)));
  });

  it('answers a corrupted CRC with a framed NAK, keeps the bytes, and goes on', async () => {
    const good = frame({ sequence: '0007' });
    const corrupted = Buffer.from(good);
    corrupted[1] = corrupted[1] === 0x30 ? 0x31 : 0x30; // first CRC digit
    expect(await exchange(corrupted)).toMatchObject({ id: 'NAK' });
    await eventually(async () => {
      const rows = await sql<{ reason: string; raw: Buffer }>(env.databaseUrl, `SELECT reason, raw FROM ingest.dead_letter WHERE reason LIKE 'crc-mismatch%'`);
      expect(rows).toEqual([{ reason: expect.any(String), raw: corrupted }]);
    });
    expect(await exchange(frame({ sequence: '0008', data: '#1234|Nri1/BA05' }))).toMatchObject({ id: 'ACK', sequence: '0008' });
  });

  it('takes an alarm over UDP', async () => {
    const udp = await UdpPanel.open();
    try {
      const reply = parseReply(await udp.exchange(vigil.dc09.udp!, frame({ sequence: '0009', data: '#1234|Nri2/FA01' })));
      expect(reply).toMatchObject({ ok: true, reply: { id: 'ACK', sequence: '0009' } });
    } finally {
      await udp.close();
    }
    await eventually(async () => expect(await sql(env.databaseUrl, `SELECT 1 FROM triage.incident WHERE category = 'Arson/Fire'`)).toHaveLength(1));
  });

  it('raises a fault for a panel that stops sending its test reports, and clears it when the panel is heard again', async () => {
    await register('4321', { partnerId: 'hertsmere', site: 'Bank', address: 'Shenley Road, Borehamwood', testIntervalSeconds: 2 });
    const link = (sequence: string) => buildFrame({ id: 'NULL', sequence, receiver: '1', line: '1', account: '4321', timestamp: new Date() });
    expect(await exchange(link('0010'))).toMatchObject({ id: 'ACK' });

    const late = await eventually(
      async () => {
        const events = (await streamData<SourceStateChanged>(STREAMS.sources.name)).filter((e) => e.sourceId === '4321');
        expect(events.map((e) => e.state)).toContain('late');
        return events.find((e) => e.state === 'late')!;
      },
      { timeoutMs: 10_000 },
    );
    expect(late).toMatchObject({ sourceKind: 'alarm', partnerId: 'hertsmere', reason: 'silent-past-late-threshold' });
    const board = await fetch(`${vigil.url}/api/sources`, { headers: { Authorization: `Bearer ${operator}` } });
    expect((await board.json()) as unknown[]).toContainEqual(expect.objectContaining({ sourceKind: 'alarm', sourceId: '4321', state: 'late' }));

    expect(await exchange(link('0011'))).toMatchObject({ id: 'ACK' });
    await eventually(async () => {
      const states = (await streamData<SourceStateChanged>(STREAMS.sources.name)).filter((e) => e.sourceId === '4321').map((e) => e.state);
      expect(states[states.length - 1]).toBe('up');
    });
  });
});
