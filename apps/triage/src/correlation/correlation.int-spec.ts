import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CallReceived } from '@vigil/contracts';
import { PlatformModule } from '@vigil/config';
import { createTestEnvironment, sql, TestEnvironment } from '@vigil/testing';
import { BatchTakeResult, TakeCallUseCase } from '../calls/take-call.usecase';
import { buildLocationRegisters } from '../registers/location-registers';
import { DEMO_REGISTERS } from '../registers/demo-registers';
import { DEFAULT_TRIAGE_POLICY } from '../policy/triage-policy';
import { TriageModule } from '../triage.module';

const policy = { ...DEFAULT_TRIAGE_POLICY, registers: buildLocationRegisters(DEMO_REGISTERS) };

/** Triage alone, as one replica: its own Nest context and so its own connection pool. */
async function startTriage(env: TestEnvironment, name: string): Promise<INestApplicationContext> {
  @Module({ imports: [PlatformModule.forRoot(env.platform, name), TriageModule.register({ databaseUrl: env.databaseUrl, restoreWaitSeconds: 30, policy })] })
  class TriageOnly {}
  return NestFactory.createApplicationContext(TriageOnly, { logger: false });
}

let sequence = 0;
function call(source: CallReceived['source'], fields: Partial<CallReceived> & Pick<CallReceived, 'summary' | 'location'>): CallReceived {
  const at = new Date().toISOString();
  const id = `${++sequence}`;
  return { callKey: `${source}:${id}`, source, sourceMessageId: id, receivedAt: at, occurredAt: at, urgency: 'routine', raw: { id }, ...fields };
}

const bootsAlarm = () =>
  call('Alarm', {
    summary: 'Burglary zone 3 (shop floor): Boots, 12 High Street, Hitchin',
    categoryHint: { category: 'Alarm Activation', subcategory: 'Intruder Alarm' },
    location: { alarmAccount: '7001', partnerId: 'north-herts', town: 'Hitchin Town Centre' },
    alarm: { account: '7001', protocol: 'SIA-DCS', code: 'BA', qualifier: 'new', kind: 'intruder', zone: '3', site: 'Boots', address: '12 High Street, Hitchin' },
  });
const bootsTownLink = () => call('Town Link', { summary: 'Town Link Boots (member TL-118): two males running out with stock', location: { town: 'Hitchin', radioMember: 'TL-118' } });
const bootsAirwave = () => call('Police Airwaves', { summary: 'Units attending Boots Hitchin, one detained', location: { issi: 2260201 } });

// Real Postgres, two replicas on their own pools: correlation and its locks as production runs them.
describe('correlation in TakeCallUseCase', () => {
  let env: TestEnvironment;
  let triage: INestApplicationContext;
  let takeCall: TakeCallUseCase;

  beforeAll(async () => {
    env = await createTestEnvironment('correlate');
    triage = await startTriage(env, 'triage-a');
    takeCall = triage.get(TakeCallUseCase);
  });

  afterAll(async () => {
    await triage?.close();
    await env?.dispose();
  });

  beforeEach(async () => {
    // Each test starts with nothing open, as a quiet night would.
    await sql(env.databaseUrl, `UPDATE triage.incident SET status = 'closed'`);
  });

  const incidentOf = (result: BatchTakeResult) => ('incident' in result ? result.incident.id : undefined);

  it('makes one incident of an alarm, a Town Link call and an Airwave call about one shop, each call announced in version order', async () => {
    const results = await takeCall.execute([bootsAlarm()]);
    const later = await takeCall.execute([bootsTownLink(), bootsAirwave()]);

    expect([...results, ...later].map((r) => r.kind)).toEqual(['opened', 'joined', 'joined']);
    const id = incidentOf(results[0]);
    expect(later.map(incidentOf)).toEqual([id, id]);
    const [incident] = await sql(env.databaseUrl, `SELECT call_count, version, grade, placement, partner_id, town FROM triage.incident WHERE id = $1`, [id]);
    expect(incident).toEqual({ call_count: 3, version: 3, grade: 2, placement: 'partner', partner_id: 'north-herts', town: 'Hitchin Town Centre' });
    const timeline = await sql(env.databaseUrl, `SELECT kind, actor, reason, version FROM triage.timeline_entry WHERE incident_id = $1 ORDER BY id`, [id]);
    expect(timeline).toEqual([
      { kind: 'opened', actor: 'triage', reason: 'nothing-open-here', version: 1 },
      { kind: 'call-joined', actor: 'triage', reason: 'same-premises', version: 2 },
      { kind: 'call-joined', actor: 'triage', reason: 'same-premises', version: 3 },
    ]);
    const calls = await sql(env.databaseUrl, `SELECT source, correlation_reason FROM triage.call WHERE incident_id = $1 ORDER BY received_at, call_key`, [id]);
    expect(calls.map((c) => c.correlation_reason)).toEqual(['nothing-open-here', 'same-premises', 'same-premises']);
    const outbox = await sql<{ event_id: string; subject: string; aggregate_version: number; change: string | null; reason: string | null }>(
      env.databaseUrl,
      `SELECT event_id, subject, aggregate_version, envelope->'data'->>'change' AS change, envelope->'data'->>'changeReason' AS reason FROM triage.outbox WHERE aggregate_id = $1 ORDER BY aggregate_version`,
      [`incident:${id}`],
    );
    expect(outbox.map((row) => [row.event_id, row.aggregate_version, row.change, row.reason])).toEqual([
      [`incident-opened:${id}`, 1, null, null],
      [`incident-changed:${id}:2`, 2, 'call-added', 'same-premises'],
      [`incident-changed:${id}:3`, 3, 'call-added', 'same-premises'],
    ]);
    expect(outbox[1].subject).toMatch(/incident\.north-herts\.call-added$/);
  });

  it('opens a grade 1 at once for an emergency with no place to match, with its target time', async () => {
    const emergency = call('Police Airwaves', { urgency: 'emergency', summary: 'EMERGENCY status from ISSI 2260301', categoryHint: { category: 'Police Request' }, location: { issi: 2260301 } });
    const [result] = await takeCall.execute([emergency]);
    expect(result.kind).toBe('opened');
    const [row] = await sql<{ grade: number; town: string; late_by_ms: number }>(
      env.databaseUrl,
      `SELECT grade, town, (extract(epoch FROM respond_by - received_at) * 1000)::int AS late_by_ms FROM triage.incident WHERE id = $1`,
      [incidentOf(result)],
    );
    expect(row).toEqual({ grade: 1, town: 'Stevenage Town Centre', late_by_ms: 15 * 60_000 });
  });

  it('raises an open incident to grade 1 when an emergency joins it', async () => {
    const [opened] = await takeCall.execute([bootsAlarm()]);
    const panic = call('Town Link', { urgency: 'emergency', summary: 'PANIC button: Boots, Hitchin (Town Link member TL-118, radio R-1)', location: { town: 'Hitchin', radioMember: 'TL-118' } });
    const [joined] = await takeCall.execute([panic]);
    expect(joined).toMatchObject({ kind: 'joined', reason: 'same-premises' });
    expect(incidentOf(joined)).toBe(incidentOf(opened));
    const [row] = await sql(env.databaseUrl, `SELECT grade, call_count, respond_by = $2::timestamptz AS on_target FROM triage.incident WHERE id = $1`, [incidentOf(opened), new Date(Date.parse(panic.receivedAt) + 15 * 60_000)]);
    expect(row).toEqual({ grade: 1, call_count: 2, on_target: true });
  });

  it('keeps two fights in one town at once apart, and takes a resend as nothing new', async () => {
    const first = call('Police Airwaves', { summary: 'Fight outside the kebab shop, Hitchin', location: { issi: 2260201 } });
    const second = call('Police Airwaves', { summary: 'Fight by the bus shelters, Hitchin', location: { issi: 2260201 } });
    const results = await takeCall.execute([first, second, first]);
    expect(results.map((r) => r.kind)).toEqual(['opened', 'opened', 'duplicate-call']);
    expect(await takeCall.execute([second])).toEqual([{ kind: 'duplicate-call' }]);
  });

  it('places a client\'s site as the client\'s, and an unplaced call as unplaced', async () => {
    const client = call('Alarm', {
      summary: 'Burglary zone 1: Tesco, Hoddesdon',
      location: { alarmAccount: '7002', partnerId: 'east-herts' },
      alarm: { account: '7002', protocol: 'SIA-DCS', code: 'BA', qualifier: 'new', kind: 'intruder', zone: '1', site: 'Tesco', address: 'Hoddesdon' },
    });
    const nowhere = call('Police Control', { summary: 'caller reports shouting, no location given', location: {}, enteredBy: 'op-7' });
    const results = await takeCall.execute([client, nowhere]);
    const rows = await sql(env.databaseUrl, `SELECT placement, partner_id, client_name, town FROM triage.incident WHERE id = ANY($1) ORDER BY placement`, [results.map(incidentOf)]);
    expect(rows).toEqual([
      { placement: 'client', partner_id: null, client_name: 'Broxbourne', town: 'Hoddesdon' },
      { placement: 'unplaced', partner_id: null, client_name: null, town: null },
    ]);
  });
});

// The same burst through one replica and through two at once (split as a shared durable consumer splits it): as many incidents either way.
describe('correlation across two triage replicas', () => {
  let single: TestEnvironment;
  let shared: TestEnvironment;
  const apps: INestApplicationContext[] = [];

  beforeAll(async () => {
    [single, shared] = await Promise.all([createTestEnvironment('corr1'), createTestEnvironment('corr2')]);
    apps.push(await startTriage(single, 'triage-solo'), await startTriage(shared, 'triage-a'), await startTriage(shared, 'triage-b'));
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await Promise.all([single?.dispose(), shared?.dispose()]);
  });

  /** Several sources about each of a few places, plus calls with nothing to match on: one event per place. */
  function burst(round: number): CallReceived[] {
    const places = [
      (i: number) => call('Town Link', { summary: `Pub Link The Red Lion (member PL-042): drunk male ${round}.${i}`, location: { town: 'Potters Bar', radioMember: 'PL-042' } }),
      (i: number) => call('Police Airwaves', { summary: `Drunk male outside the Red Lion, Potters Bar ${round}.${i}`, location: { issi: 2260201 } }),
      (i: number) => call('Controller', { summary: `Disorder by the Westgate ${round}.${i}`, location: { cameraId: 'ST-101' }, enteredBy: 'op-7' }),
      (i: number) => call('Police Airwaves', { summary: `Youths causing disorder ${round}.${i}`, location: { issi: 2260301, point: { lat: 51.9032, lon: -0.2031 } } }),
      (i: number) => call('Police Airwaves', { summary: `Shoplifter at Boots, Hitchin ${round}.${i}`, location: { issi: 2260201 } }),
      (i: number) => call('Alarm', {
        summary: `Burglary zone ${i}: Boots, Hitchin`,
        location: { alarmAccount: '7001', partnerId: 'north-herts' },
        alarm: { account: '7001', protocol: 'SIA-DCS', code: 'BA', qualifier: 'new', kind: 'intruder', zone: String(i), site: 'Boots', address: 'High Street, Hitchin' },
      }),
      (i: number) => call('Police Airwaves', { summary: `Fight in the high street ${round}.${i}`, location: { issi: 2260201 } }),
    ];
    return [0, 1, 2].flatMap((i) => places.map((make) => make(i)));
  }

  async function incidentsIn(env: TestEnvironment): Promise<number> {
    const [{ n }] = await sql<{ n: number }>(env.databaseUrl, `SELECT count(*)::int AS n FROM triage.incident WHERE status <> 'closed'`);
    return n;
  }

  it('opens as many incidents with two replicas racing as with one, and no call fails on a deadlock', async () => {
    const [solo, replicaA, replicaB] = apps.map((app) => app.get(TakeCallUseCase));
    for (let round = 0; round < 5; round++) {
      await Promise.all([single, shared].map((env) => sql(env.databaseUrl, `UPDATE triage.incident SET status = 'closed'`)));
      const calls = burst(round);
      await solo.execute(calls);
      // Interleaved, in opposite orders, two batches each: what lock ordering must survive.
      const forA = calls.filter((_, i) => i % 2 === 0);
      const forB = calls.filter((_, i) => i % 2 === 1).reverse();
      const half = (list: CallReceived[]) => [list.slice(0, list.length / 2), list.slice(list.length / 2)];
      const results = (
        await Promise.all([
          (async () => [...(await replicaA.execute(half(forA)[0])), ...(await replicaA.execute(half(forA)[1]))])(),
          (async () => [...(await replicaB.execute(half(forB)[0])), ...(await replicaB.execute(half(forB)[1]))])(),
        ])
      ).flat();

      expect(results.filter((r) => r.kind === 'failed')).toEqual([]);
      // Red Lion (2 sources), Westgate (camera and a radio point), Boots (alarm and words), and three separate high-street fights.
      expect(await incidentsIn(single)).toBe(6);
      expect(await incidentsIn(shared)).toBe(await incidentsIn(single));
    }
  });
});
