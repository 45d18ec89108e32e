import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { connect, NatsConnection } from 'nats';
import { BusNamespace, startConsumers, STREAMS } from '@vigil/bus';
import { PlatformModule } from '@vigil/config';
import { JsonLogger } from '@vigil/observability';
import { ChildApp, createTestEnvironment, eventually, sql, TestAirwaveGateway, TestEnvironment } from '@vigil/testing';
import { IngestModule } from '../../apps/ingest/src/ingest.module';

const CALLS_BEFORE_CRASH = 400;
const CALLS_WHILE_DOWN = 100;
const TOTAL = CALLS_BEFORE_CRASH + CALLS_WHILE_DOWN;

async function countIncidents(databaseUrl: string): Promise<number> {
  const exists = await sql<{ t: string | null }>(databaseUrl, `SELECT to_regclass('triage.incident') AS t`);
  if (!exists[0].t) return 0;
  const [{ n }] = await sql<{ n: number }>(databaseUrl, 'SELECT count(*)::int AS n FROM triage.incident');
  return n;
}

describe('triage killed mid-stream', () => {
  let env: TestEnvironment;
  let ingest: INestApplication;
  let gateway: TestAirwaveGateway;
  let nc: NatsConnection;
  let triage: ChildApp;

  beforeAll(async () => {
    env = await createTestEnvironment('crash');
    await env.provisionStreams(); // FAULTS, which triage reads for recording gaps, is made by faults, not started here
    @Module({ imports: [PlatformModule.forRoot(env.platform, 'ingest'), IngestModule.register(env.ingest)] })
    class IngestOnly {}
    ingest = await NestFactory.create(IngestOnly, { logger: new JsonLogger({ level: 'warn', pretty: true, app: 'ingest' }) });
    await ingest.init();
    await startConsumers(ingest);
    gateway = await TestAirwaveGateway.connect(env.natsUrl, env.namespace, 'gw-crash');
    nc = await connect({ servers: env.natsUrl });
  });

  afterAll(async () => {
    await triage?.kill();
    await nc?.close();
    await gateway?.close();
    await ingest?.close();
    await env?.dispose();
  });

  it('loses no call and duplicates none after it restarts', async () => {
    triage = new ChildApp('triage', env.env);
    await triage.start();

    const texts = Array.from({ length: TOTAL }, (_, i) => `Call ${i}: suspicious male in Potters Bar`);
    // One after the other, as a gateway sends them, still sending when triage dies: triage takes a
    // whole backlog in a few transactions, so a stream published all at once could be done before the kill.
    const sending = (async () => {
      for (const [i, text] of texts.slice(0, CALLS_BEFORE_CRASH).entries()) await gateway.publishSds(gateway.sds(`c-${i}`, text));
    })();

    await eventually(async () => expect(await countIncidents(env.databaseUrl)).toBeGreaterThanOrEqual(10), { intervalMs: 5 });
    await triage.kill();
    const atCrash = await countIncidents(env.databaseUrl);
    expect(atCrash).toBeLessThan(CALLS_BEFORE_CRASH); // the kill landed mid-stream
    await sending;

    await Promise.all(
      texts.slice(CALLS_BEFORE_CRASH).map((text, i) => gateway.publishSds(gateway.sds(`c-${CALLS_BEFORE_CRASH + i}`, text))),
    );

    triage = new ChildApp('triage', env.env);
    await triage.start();

    await eventually(async () => expect(await countIncidents(env.databaseUrl)).toBe(TOTAL), { timeoutMs: 60_000, intervalMs: 200 });
    const [calls] = await sql<{ n: number; distinct_summaries: number }>(
      env.databaseUrl,
      'SELECT count(*)::int AS n, count(DISTINCT summary)::int AS distinct_summaries FROM triage.call',
    );
    expect(calls).toEqual({ n: TOTAL, distinct_summaries: TOTAL });
    const [incidents] = await sql<{ n: number; distinct_summaries: number }>(
      env.databaseUrl,
      'SELECT count(*)::int AS n, count(DISTINCT summary)::int AS distinct_summaries FROM triage.incident',
    );
    expect(incidents).toEqual({ n: TOTAL, distinct_summaries: TOTAL });

    // Every incident announced exactly once: the outbox is drained and the stream holds one event per incident.
    await eventually(async () => {
      const [{ n }] = await sql<{ n: number }>(env.databaseUrl, 'SELECT count(*)::int AS n FROM triage.outbox WHERE published_at IS NULL');
      expect(n).toBe(0);
    });
    const jsm = await nc.jetstreamManager();
    const stream = await jsm.streams.info(new BusNamespace(env.namespace).stream(STREAMS.incidents.name));
    expect(stream.state.messages).toBe(TOTAL);
  });
});
