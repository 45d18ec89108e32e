import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CallReceived } from '@vigil/contracts';
import { PlatformModule } from '@vigil/config';
import { createTestEnvironment, sql, TestEnvironment } from '@vigil/testing';
import { TriageModule } from '../triage.module';
import { TakeCallUseCase } from './take-call.usecase';

function call(id: number): CallReceived {
  const now = new Date().toISOString();
  return {
    callKey: `airwave:gw-batch:${id}`,
    source: 'Police Airwaves',
    sourceMessageId: String(id),
    receivedAt: now,
    occurredAt: now,
    urgency: 'routine',
    summary: `Fight outside Hitchin station (${id})`,
    location: { town: 'Hitchin' },
    raw: { messageId: String(id) },
  };
}

// Real Postgres: a batch of calls is one transaction, and one failing call rolls back alone.
describe('TakeCallUseCase, a batch per transaction', () => {
  let env: TestEnvironment;
  let app: INestApplicationContext;

  beforeAll(async () => {
    env = await createTestEnvironment('takecall');
    @Module({ imports: [PlatformModule.forRoot(env.platform, 'triage-test'), TriageModule.register({ databaseUrl: env.databaseUrl, restoreWaitSeconds: 30 })] })
    class TriageOnly {}
    app = await NestFactory.createApplicationContext(TriageOnly, { logger: false });
  });

  afterAll(async () => {
    await app?.close();
    await env?.dispose();
  });

  it('commits the calls that succeed and reports the one that failed, which alone rolled back', async () => {
    await sql(env.databaseUrl, `CREATE FUNCTION triage.refuse_call() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused %', NEW.call_key; END $$`);
    await sql(env.databaseUrl, `CREATE TRIGGER refuse BEFORE INSERT ON triage.call FOR EACH ROW WHEN (NEW.call_key = 'airwave:gw-batch:2') EXECUTE FUNCTION triage.refuse_call()`);
    const takeCall = app.get(TakeCallUseCase);

    const results = await takeCall.execute([1, 2, 3].map((id) => call(id)));

    expect(results.map((r) => (r.kind === 'failed' ? r.reason : r.kind))).toEqual(['opened', 'refused airwave:gw-batch:2', 'opened']);
    expect(results[1]).toEqual({ kind: 'failed', reason: 'refused airwave:gw-batch:2' });
    const calls = await sql<{ call_key: string }>(env.databaseUrl, 'SELECT call_key FROM triage.call ORDER BY call_key');
    expect(calls.map((c) => c.call_key)).toEqual(['airwave:gw-batch:1', 'airwave:gw-batch:3']);
    const [{ n }] = await sql<{ n: number }>(env.databaseUrl, 'SELECT count(*)::int AS n FROM triage.incident');
    expect(n).toBe(2);

    await sql(env.databaseUrl, 'DROP TRIGGER refuse ON triage.call');
    const again = await takeCall.execute([1, 2, 3, 2].map((id) => call(id)));
    // Redelivered: the committed ones are duplicates, the failed one goes in, and a repeat within the batch is seen.
    expect(again.map((r) => r.kind)).toEqual(['duplicate-call', 'opened', 'duplicate-call', 'duplicate-call']);
  });

  it("opens an operator's call with the police reference and camera it was entered with", async () => {
    const now = new Date().toISOString();
    const [result] = await app.get(TakeCallUseCase).execute([
      {
        callKey: 'manual:op-7:1',
        source: 'Controller',
        sourceMessageId: '1',
        receivedAt: now,
        occurredAt: now,
        urgency: 'routine',
        summary: 'Male acting suspiciously by the cash machine',
        location: { cameraId: 'NH-014', town: 'Hitchin' },
        enteredBy: 'op-7',
        policeReference: 'HC-20261202-0042',
        raw: {},
      },
    ]);

    expect(result).toMatchObject({ kind: 'opened', incident: { policeReference: 'HC-20261202-0042', cameras: ['NH-014'] } });
    const [stored] = await sql<{ police_reference: string; cameras: string[] }>(env.databaseUrl, `SELECT police_reference, cameras FROM triage.incident WHERE police_reference IS NOT NULL`);
    expect(stored).toEqual({ police_reference: 'HC-20261202-0042', cameras: ['NH-014'] });
  });
});
