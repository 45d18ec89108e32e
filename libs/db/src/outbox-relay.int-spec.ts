import { connect, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { BusNamespace, EventPublisher, provisionStreams, STREAMS } from '@vigil/bus';
import { createEnvelope, Envelope } from '@vigil/contracts';
import { createTestEnvironment, eventually, sql, TestEnvironment } from '@vigil/testing';
import { appendToOutbox, outboxOrderingSql, outboxTableSql } from './outbox';
import { EnvelopePublisher, OutboxRelay } from './outbox-relay';
import { ensureDatabaseAndSchema } from './postgres-bootstrap';

const SCHEMA = 'relaytest';

// Real Postgres and JetStream: what the relay publishes, in what order, and what a lost mark costs.
describe('OutboxRelay', () => {
  let env: TestEnvironment;
  let nc: NatsConnection;
  let dataSource: DataSource;
  let relay: OutboxRelay;
  let ns: BusNamespace;
  let publisher: EventPublisher;
  const relays: OutboxRelay[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment('outbox');
    await ensureDatabaseAndSchema(env.databaseUrl, SCHEMA);
    dataSource = await new DataSource({ type: 'postgres', url: env.databaseUrl }).initialize();
    for (const statement of [...outboxTableSql(SCHEMA), ...outboxOrderingSql(SCHEMA)]) await dataSource.query(statement);
    nc = await connect({ servers: env.natsUrl });
    ns = new BusNamespace(env.namespace);
    await provisionStreams(await nc.jetstreamManager(), ns, Object.values(STREAMS));
    publisher = new EventPublisher(nc.jetstream(), ns, '/vigil/test');
    relay = new OutboxRelay(dataSource, SCHEMA, publisher, (error) => {
      throw error;
    });
  });

  afterAll(async () => {
    await relay?.stop();
    for (const other of relays) await other.stop();
    await dataSource?.destroy();
    await nc?.close();
    await env?.dispose();
  });

  async function streamEnvelopes(): Promise<Envelope<{ id: string; aggregate?: string; version?: number }>[]> {
    const jsm = await nc.jetstreamManager();
    const name = ns.stream(STREAMS.faults.name);
    const { state } = await jsm.streams.info(name);
    const envelopes: Envelope<{ id: string; aggregate?: string; version?: number }>[] = [];
    for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
      envelopes.push(JSON.parse(new TextDecoder().decode((await jsm.streams.getMessage(name, { seq })).data)));
    }
    return envelopes;
  }

  async function streamSubjects(): Promise<string[]> {
    return (await streamEnvelopes()).map((e) => e.id);
  }

  const unpublished = () => sql(env.databaseUrl, `SELECT event_id FROM ${SCHEMA}.outbox WHERE published_at IS NULL`);

  /** A relay of this table with its own publisher, as another replica would run it. */
  function anotherRelay(through: EnvelopePublisher = publisher, onError: (error: Error) => void = (error) => {
    throw error;
  }): OutboxRelay {
    const other = new OutboxRelay(dataSource, SCHEMA, through, onError);
    relays.push(other);
    return other;
  }

  const envelope = (id: string) => createEnvelope({ id, source: '/vigil/test', type: 'vigil.test', data: { id } });

  it('publishes committed rows in order and marks them; a rolled-back row is never announced', async () => {
    await dataSource.transaction(async (manager) => {
      for (const id of ['e1', 'e2', 'e3']) await appendToOutbox(manager, SCHEMA, 'fault.stevenage.opened', envelope(id));
    });
    await dataSource
      .transaction(async (manager) => {
        await appendToOutbox(manager, SCHEMA, 'fault.stevenage.opened', envelope('rolled-back'));
        throw new Error('state change failed');
      })
      .catch(() => undefined);

    relay.kick();
    await eventually(async () => expect(await streamSubjects()).toEqual(['e1', 'e2', 'e3']));
    await eventually(async () => {
      expect(await sql(env.databaseUrl, `SELECT event_id FROM ${SCHEMA}.outbox WHERE published_at IS NULL`)).toEqual([]);
    });
  });

  it('republishing after a lost mark (a crash between publish and update) adds nothing to the stream', async () => {
    await sql(env.databaseUrl, `UPDATE ${SCHEMA}.outbox SET published_at = NULL`);
    relay.kick();
    await eventually(async () => {
      expect(await sql(env.databaseUrl, `SELECT event_id FROM ${SCHEMA}.outbox WHERE published_at IS NULL`)).toEqual([]);
    });
    expect(await streamSubjects()).toEqual(['e1', 'e2', 'e3']);
  });

  it("two relays on one table publish each aggregate's versions in order, each once, while rows keep arriving", async () => {
    await sql(env.databaseUrl, `UPDATE ${SCHEMA}.outbox SET published_at = now() WHERE published_at IS NULL`);
    const before = (await streamEnvelopes()).length;
    // One replica publishes slowly, one message at a time after a few NATS round trips, so the other
    // (polling every 10 ms) would overtake it were order not enforced.
    let queue: Promise<unknown> = Promise.resolve();
    const slow: EnvelopePublisher = {
      publishEnvelope: (envelope, subject) => {
        const turn = queue.then(async () => {
          for (let i = 0; i < 3; i++) await nc.flush();
          return publisher.publishEnvelope(envelope, subject);
        });
        queue = turn.catch(() => undefined);
        return turn;
      },
    };
    const [a, b] = [anotherRelay(slow), anotherRelay()];
    a.start(10);
    b.start(10);
    const aggregates = ['agg-1', 'agg-2', 'agg-3', 'agg-4'];
    const perAggregate = 75;
    // A backlog (versions 1-50 in one transaction, more than one relay batch), then small transactions
    // interleaving the aggregates, both relays kicked after each commit.
    const chunks = [[1, 50], ...Array.from({ length: 5 }, (_, i) => [51 + i * 5, 55 + i * 5])];
    for (const [first, last] of chunks) {
      await dataSource.transaction(async (manager) => {
        for (let v = first; v <= last; v++) {
          for (const aggregate of aggregates) {
            const id = `${aggregate}-v${v}`;
            await appendToOutbox(manager, SCHEMA, 'fault.stevenage.ordered', createEnvelope({ id, source: '/vigil/test', type: 'vigil.test', data: { id, aggregate, version: v } }), {
              id: aggregate,
              version: v,
            });
          }
        }
      });
      a.kick();
      b.kick();
    }
    await eventually(async () => expect(await unpublished()).toEqual([]), { timeoutMs: 30_000 });

    const published = (await streamEnvelopes()).slice(before).map((e) => e.data);
    expect(published).toHaveLength(aggregates.length * perAggregate);
    for (const aggregate of aggregates) {
      const versions = published.filter((d) => d.aggregate === aggregate).map((d) => d.version);
      expect(versions).toEqual(Array.from({ length: perAggregate }, (_, i) => i + 1));
    }
    await Promise.all([a.stop(), b.stop()]);
  });

  it("publishes a busy aggregate's backlog in one pass, in version order", async () => {
    const passes: number[] = [];
    const busy = new OutboxRelay(dataSource, SCHEMA, publisher, () => passes.push(-1), (count) => passes.push(count));
    relays.push(busy);
    await dataSource.transaction(async (manager) => {
      for (let v = 1; v <= 60; v++) await appendToOutbox(manager, SCHEMA, 'fault.stevenage.busy', envelope(`busy-v${v}`), { id: 'busy', version: v });
    });
    busy.kick();
    await eventually(async () => expect(await unpublished()).toEqual([]));

    expect(passes).toEqual([60]);
    const order = (await streamSubjects()).filter((id) => id.startsWith('busy-v'));
    expect(order).toEqual(Array.from({ length: 60 }, (_, i) => `busy-v${i + 1}`));
  });

  it('holds no database transaction while it waits for JetStream', async () => {
    const seen: Record<string, unknown>[][] = [];
    const watching: EnvelopePublisher = {
      publishEnvelope: async (envelope, subject) => {
        // Asked while this publish is still outstanding: a relay transaction held across it would sit
        // "idle in transaction" now (the test's own polling query is active, not idle, so it is not counted).
        seen.push(
          await sql(
            env.databaseUrl,
            `SELECT state, query FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`,
          ),
        );
        return publisher.publishEnvelope(envelope, subject);
      },
    };
    const watched = anotherRelay(watching);
    await dataSource.transaction(async (manager) => {
      for (const v of [1, 2, 3]) await appendToOutbox(manager, SCHEMA, 'fault.stevenage.watched', envelope(`watched-v${v}`), { id: 'watched', version: v });
    });
    watched.kick();
    await eventually(async () => expect(await unpublished()).toEqual([]));
    expect(seen).toEqual([[], [], []]);
  });

  it('releases its claim when NATS fails mid-publish, leaves no transaction open, and publishes once NATS answers', async () => {
    let natsDown = true;
    const errors: string[] = [];
    const flaky: EnvelopePublisher = {
      publishEnvelope: async (envelope, subject) => {
        if (natsDown) throw new Error('CONNECTION_CLOSED');
        return publisher.publishEnvelope(envelope, subject);
      },
    };
    const relayOnFlakyNats = anotherRelay(flaky, (error) => errors.push(error.message));
    await dataSource.transaction((manager) => appendToOutbox(manager, SCHEMA, 'fault.stevenage.flaky', envelope('flaky-v1'), { id: 'flaky', version: 1 }));
    relayOnFlakyNats.kick();
    await eventually(() => expect(errors).toEqual(['CONNECTION_CLOSED']));
    expect(await sql(env.databaseUrl, `SELECT published_at, claimed_by, claimed_until FROM ${SCHEMA}.outbox WHERE event_id = 'flaky-v1'`)).toEqual([
      { published_at: null, claimed_by: null, claimed_until: null },
    ]);
    expect(
      await sql(env.databaseUrl, `SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`),
    ).toEqual([{ open: 0 }]);

    natsDown = false;
    relayOnFlakyNats.kick();
    await eventually(async () => expect(await streamSubjects()).toContain('flaky-v1'));
    await eventually(async () => expect(await unpublished()).toEqual([]));
  });

  it("takes over a crashed relay's claim at once, not after the lease: the claim dies with the connection that took it", async () => {
    // A relay in "another process": its own connection pool, stuck publishing, then gone like a killed process.
    const doomedPool = await new DataSource({ type: 'postgres', url: env.databaseUrl, extra: { max: 1 } }).initialize();
    let publishStarted = false;
    const neverAnswers: EnvelopePublisher = {
      publishEnvelope: () => {
        publishStarted = true;
        return new Promise(() => undefined);
      },
    };
    const doomed = new OutboxRelay(doomedPool, SCHEMA, neverAnswers, () => undefined);
    await dataSource.transaction((manager) => appendToOutbox(manager, SCHEMA, 'fault.stevenage.crash', envelope('crash-v1'), { id: 'crash', version: 1 }));
    doomed.kick();
    await eventually(() => expect(publishStarted).toBe(true));
    expect(await sql(env.databaseUrl, `SELECT claimed_until > now() + interval '10 seconds' AS leased FROM ${SCHEMA}.outbox WHERE event_id = 'crash-v1'`)).toEqual([
      { leased: true },
    ]);

    await doomedPool.destroy(); // what kill -9 does to the relay's connections
    // Polling as a running relay does: the server may list the dead backend a moment longer.
    anotherRelay().start(200);
    await eventually(async () => expect(await unpublished()).toEqual([]), { timeoutMs: 5_000 });
    expect(await streamSubjects()).toContain('crash-v1');
  });
});
