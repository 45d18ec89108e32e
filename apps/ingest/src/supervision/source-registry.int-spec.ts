import { connect, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { BusNamespace, decodeEvent, EventPublisher, provisionStreams, STREAMS } from '@vigil/bus';
import { SourceStateChanged } from '@vigil/contracts';
import { AppOutbox, appDataSourceOptions, ensureDatabaseAndSchema, startAppDataSource } from '@vigil/db';
import { createTestEnvironment, eventually, sql, TestEnvironment } from '@vigil/testing';
import { INGEST_MIGRATIONS } from '../ingest.migrations';
import { IngestOptions } from '../ingest.options';
import { INGEST_SCHEMA } from '../ingest.schema';
import { SourceRegistry } from './source-registry';
import { SourceStateEntity } from './source-state.entity';

const T0 = new Date('2026-12-01T20:00:00Z').getTime();
const at = (seconds: number) => new Date(T0 + seconds * 1000);

interface Replica {
  dataSource: DataSource;
  outbox: AppOutbox;
  registry: SourceRegistry;
}

// Two ingest replicas (each its own pool, outbox relay and registry) sharing one schema, real
// Postgres and JetStream; the tests drive the clock through heard times and tick(now).
describe('SourceRegistry with two replicas', () => {
  let env: TestEnvironment;
  let nc: NatsConnection;
  let a: Replica;
  let b: Replica;

  beforeAll(async () => {
    env = await createTestEnvironment('replicas');
    await ensureDatabaseAndSchema(env.databaseUrl, INGEST_SCHEMA);
    nc = await connect({ servers: env.natsUrl });
    const ns = new BusNamespace(env.namespace);
    await provisionStreams(await nc.jetstreamManager(), ns, Object.values(STREAMS));
    const options: IngestOptions = { ...env.ingest, gatewayHeartbeatSeconds: 30, supervisionTickMs: 3_600_000 };
    a = await startReplica(options, ns);
    b = await startReplica(options, ns);
  });

  afterAll(async () => {
    for (const replica of [a, b]) {
      await replica?.registry.onModuleDestroy();
      await replica?.outbox.onModuleDestroy();
      await replica?.dataSource.destroy();
    }
    await nc?.close();
    await env?.dispose();
  });

  async function startReplica(options: IngestOptions, ns: BusNamespace): Promise<Replica> {
    const dataSource = await startAppDataSource(
      appDataSourceOptions({
        url: env.databaseUrl,
        schema: INGEST_SCHEMA,
        entities: [SourceStateEntity],
        migrations: INGEST_MIGRATIONS,
      }),
    );
    const outbox = new AppOutbox(dataSource, INGEST_SCHEMA, new EventPublisher(nc.jetstream(), ns, '/vigil/ingest'));
    outbox.onApplicationBootstrap();
    const registry = new SourceRegistry(dataSource, new EventPublisher(nc.jetstream(), ns, '/vigil/ingest'), outbox, options);
    await registry.onApplicationBootstrap();
    return { dataSource, outbox, registry };
  }

  /** Both replicas tick at once, B half a second after A as two processes' timers would. */
  async function tickBoth(seconds: number): Promise<void> {
    await Promise.all([a.registry.tick(at(seconds)), b.registry.tick(at(seconds + 0.5))]);
  }

  /** The gateway's states as published, once every committed event has left the outboxes. */
  async function published(sourceId: string): Promise<string[]> {
    await eventually(async () => {
      a.outbox.kick();
      expect(await sql(env.databaseUrl, `SELECT event_id FROM ingest.outbox WHERE published_at IS NULL`)).toEqual([]);
    });
    const jsm = await nc.jetstreamManager();
    const name = new BusNamespace(env.namespace).stream(STREAMS.sources.name);
    const { state } = await jsm.streams.info(name);
    const states: string[] = [];
    for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
      const decoded = decodeEvent((await jsm.streams.getMessage(name, { seq })).data);
      const data = decoded.ok ? (decoded.envelope.data as SourceStateChanged) : undefined;
      if (data?.sourceId === sourceId) states.push(data.state);
    }
    return states;
  }

  async function lastSeen(sourceId: string): Promise<string> {
    const [row] = await sql<{ last_seen: Date }>(env.databaseUrl, `SELECT last_seen FROM ingest.source_state WHERE source_id = $1`, [sourceId]);
    return row.last_seen.toISOString();
  }

  it('keeps a gateway up while only one replica hears it; when both stop, one late, one down, and one up when heard again', async () => {
    // Both replicas know the gateway (the shared consumer hands its first heartbeat to each in turn).
    a.registry.gatewayHeard('townlink', 'gw-shared', at(0));
    b.registry.gatewayHeard('townlink', 'gw-shared', at(0));
    await tickBoth(1);

    // From here on only A hears it, every 30 s for five minutes; B keeps ticking too.
    for (let seconds = 30; seconds <= 300; seconds += 30) {
      a.registry.gatewayHeard('townlink', 'gw-shared', at(seconds));
      await tickBoth(seconds + 1);
    }
    expect(await published('gw-shared')).toEqual(['up']);

    // Neither hears it: late after two missed intervals, down after five, each announced once.
    await tickBoth(300 + 61);
    await tickBoth(300 + 62);
    await tickBoth(300 + 151);
    await tickBoth(300 + 152);
    expect(await published('gw-shared')).toEqual(['up', 'late', 'down']);

    // B hears it again; A's next tick must not take it back down.
    b.registry.gatewayHeard('townlink', 'gw-shared', at(500));
    await tickBoth(501);
    await tickBoth(502);
    expect(await published('gw-shared')).toEqual(['up', 'late', 'down', 'up']);
  });

  it("judges an alarm path by its account's test interval, whichever replica the panel talks to", async () => {
    await sql(
      env.databaseUrl,
      `INSERT INTO ingest.alarm_account (account, partner_id, site, address, test_interval_seconds, updated_by) VALUES ('4321', 'hertsmere', 'Bank', 'Shenley Road', 600, 'test')`,
    );
    a.registry.alarmHeard('4321', 'hertsmere', at(0));
    await tickBoth(1);
    for (let seconds = 300; seconds <= 3000; seconds += 300) {
      a.registry.alarmHeard('4321', 'hertsmere', at(seconds));
      await tickBoth(seconds + 1);
    }
    expect(await published('4321')).toEqual(['up']);

    await tickBoth(3000 + 601);
    await tickBoth(3000 + 5000);
    b.registry.alarmHeard('4321', null, at(9000));
    await tickBoth(9001);
    expect(await published('4321')).toEqual(['up', 'late', 'up']);
  });

  it('keeps a key mismatch until a frame heard after it, on any replica', async () => {
    await a.registry.alarmKeyMismatch('5678', 'stevenage', 'key-required: plain frame', at(100));
    b.registry.alarmHeard('5678', null, at(90));
    await tickBoth(101);
    expect(await published('5678')).toEqual(['key-mismatch']);
    b.registry.alarmHeard('5678', null, at(110));
    await tickBoth(111);
    expect(await published('5678')).toEqual(['key-mismatch', 'up']);
  });

  it('never moves last-heard back when a replica flushes an older time than another one stored', async () => {
    a.registry.gatewayHeard('townlink', 'gw-order', at(100));
    await a.registry.tick(at(101));
    b.registry.gatewayHeard('townlink', 'gw-order', at(40));
    await b.registry.tick(at(101));
    expect(await lastSeen('gw-order')).toBe(at(100).toISOString());
    expect(await published('gw-order')).toEqual(['up']);
  });
});
