import { CallReceived } from '@vigil/contracts';
import { createTestEnvironment, RunningVigil, sql, startEmbeddedVigil, TestEnvironment } from '@vigil/testing';
import { PairOrRecordRestoreUseCase } from './pair-or-record-restore.usecase';
import { BatchTakeResult, TakeCallUseCase } from './take-call.usecase';

const ACCOUNT = '7777';

// The restore wait against the real Postgres and timer tables; the use cases called as the consumer and the timer call them.
// The wait is an hour, so the timer never fires by itself here: each test ends the wait when it chooses.
describe('restore wait', () => {
  let env: TestEnvironment;
  let vigil: RunningVigil;
  let takeCall: TakeCallUseCase;
  let pairOrRecord: PairOrRecordRestoreUseCase;

  beforeAll(async () => {
    env = await createTestEnvironment('restorewait');
    vigil = await startEmbeddedVigil(env.platform, { ...env.ingest, dc09: { ...env.ingest.dc09, tcpPort: null, udpPort: null } }, { triage: { restoreWaitSeconds: 3600 } });
    takeCall = vigil.app.get(TakeCallUseCase);
    pairOrRecord = vigil.app.get(PairOrRecordRestoreUseCase);
  });

  afterAll(async () => {
    await vigil?.close();
    await env?.dispose();
  });

  // One alarm site per test: alarms of one site within the window are one incident (correlation), and these tests are about pairing.
  let account = ACCOUNT;
  let site = 0;
  beforeEach(() => {
    account = `${ACCOUNT}-${++site}`;
  });

  /** One call as a batch of one, the way the consumer hands calls over. */
  async function takeOne(call: CallReceived): Promise<BatchTakeResult> {
    const [result] = await takeCall.execute([call]);
    return result;
  }

  function alarmCall(callKey: string, qualifier: 'new' | 'restore', zone: string): CallReceived {
    const at = new Date().toISOString();
    return {
      callKey,
      source: 'Alarm',
      sourceMessageId: callKey,
      receivedAt: at,
      occurredAt: at,
      urgency: 'routine',
      summary: `Intruder alarm zone ${zone}`,
      categoryHint: { category: 'Alarm Activation', subcategory: 'Intruder Alarm' },
      location: { alarmAccount: account, partnerId: 'north-herts', town: 'Hitchin' },
      alarm: { account, protocol: 'SIA-DCS', code: qualifier === 'new' ? 'BA' : 'BR', qualifier, kind: 'intruder', zone, site: 'Boots', address: '12 High Street, Hitchin' },
      raw: {},
    };
  }

  async function restoreRow(callKey: string) {
    const [row] = await sql<{ restore_status: string; incident_id: string | null }>(env.databaseUrl, `SELECT restore_status, incident_id FROM triage.call WHERE call_key = $1`, [callKey]);
    return row;
  }

  async function pendingWait(callKey: string): Promise<number> {
    return (await sql(env.databaseUrl, `SELECT 1 FROM triage_timers.jobs WHERE key = $1`, [`restore-wait:${callKey}`])).length;
  }

  async function timeline(incidentId: string) {
    return sql<{ kind: string; call_key: string }>(env.databaseUrl, `SELECT kind, detail->>'callKey' AS call_key FROM triage.timeline_entry WHERE incident_id = $1 ORDER BY id`, [incidentId]);
  }

  it('stores a restore that comes first, with its timer, in one go; its alarm pairs it and cancels the timer', async () => {
    expect(await takeOne(alarmCall('r1', 'restore', '1'))).toEqual({ kind: 'restore-waiting' });
    expect(await restoreRow('r1')).toEqual({ restore_status: 'waiting', incident_id: null });
    expect(await pendingWait('r1')).toBe(1);

    const opened = await takeOne(alarmCall('a1', 'new', '1'));
    expect(opened.kind).toBe('opened');
    const incidentId = opened.kind === 'opened' ? opened.incident.id : '';
    expect(await restoreRow('r1')).toEqual({ restore_status: 'attached', incident_id: incidentId });
    expect(await timeline(incidentId)).toEqual([
      { kind: 'opened', call_key: 'a1' },
      { kind: 'alarm-restored', call_key: 'r1' },
    ]);
    expect(await pendingWait('r1')).toBe(0);
    expect(await pairOrRecord.execute('r1')).toEqual({ kind: 'already-settled' });
  });

  it('leaves a waiting restore of another zone waiting when an alarm opens', async () => {
    await takeOne(alarmCall('r2', 'restore', '2'));
    await takeOne(alarmCall('a3', 'new', '3'));
    expect(await restoreRow('r2')).toEqual({ restore_status: 'waiting', incident_id: null });
    expect(await pendingWait('r2')).toBe(1);
  });

  it('records alone, when its timer fires, a restore whose alarm never came', async () => {
    await takeOne(alarmCall('r6', 'restore', '6'));
    expect(await pairOrRecord.execute('r6')).toEqual({ kind: 'restore-unpaired' });
    expect(await restoreRow('r6')).toEqual({ restore_status: 'alone', incident_id: null });
  });

  it('pairs, when its timer fires, a restore whose alarm was stored without seeing it', async () => {
    await takeOne(alarmCall('r4', 'restore', '4'));
    // What two replicas taking the alarm and the restore at the same moment could leave without the account lock.
    await sql(env.databaseUrl, `UPDATE triage.call SET restore_status = 'in-flight' WHERE call_key = 'r4'`);
    const opened = await takeOne(alarmCall('a4', 'new', '4'));
    await sql(env.databaseUrl, `UPDATE triage.call SET restore_status = 'waiting' WHERE call_key = 'r4'`);
    const incidentId = opened.kind === 'opened' ? opened.incident.id : '';

    expect(await pairOrRecord.execute('r4')).toEqual({ kind: 'restore-attached', incidentId, reason: 'restored' });
    expect(await restoreRow('r4')).toEqual({ restore_status: 'attached', incident_id: incidentId });
    expect((await timeline(incidentId)).map((e) => e.kind)).toEqual(['opened', 'alarm-restored']);
  });

  it('takes a restore whose alarm is already open straight into its incident, with no timer', async () => {
    const opened = await takeOne(alarmCall('a5', 'new', '5'));
    const incidentId = opened.kind === 'opened' ? opened.incident.id : '';
    expect(await takeOne(alarmCall('r5', 'restore', '5'))).toEqual({ kind: 'restore-attached', incidentId, reason: 'restored' });
    expect(await restoreRow('r5')).toEqual({ restore_status: 'attached', incident_id: incidentId });
    expect(await pendingWait('r5')).toBe(0);
    expect(await takeOne(alarmCall('r5', 'restore', '5'))).toEqual({ kind: 'duplicate-call' });
  });
});
