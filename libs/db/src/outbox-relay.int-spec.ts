import { connect, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { BusNamespace, EventPublisher, provisionStreams, STREAMS } from '@vigil/bus';
import { createEnvelope } from '@vigil/contracts';
import { createTestEnvironment, eventually, sql, TestEnvironment } from '@vigil/testing';
import { appendToOutbox, outboxTableSql } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { ensureDatabaseAndSchema } from './postgres-bootstrap';

const SCHEMA = 'relaytest';

// Real Postgres and JetStream: what the relay publishes, in what order, and what a lost mark costs.
describe('OutboxRelay', () => {
  let env: TestEnvironment;
  let nc: NatsConnection;
  let dataSource: DataSource;
  let relay: OutboxRelay;
  let ns: BusNamespace;

  beforeAll(async () => {
    env = await createTestEnvironment('outbox');
    await ensureDatabaseAndSchema(env.databaseUrl, SCHEMA);
    dataSource = await new DataSource({ type: 'postgres', url: env.databaseUrl }).initialize();
    for (const statement of outboxTableSql(SCHEMA)) await dataSource.query(statement);
    nc = await connect({ servers: env.natsUrl });
    ns = new BusNamespace(env.namespace);
    await provisionStreams(await nc.jetstreamManager(), ns, Object.values(STREAMS));
    const publisher = new EventPublisher(nc.jetstream(), ns, '/vigil/test');
    relay = new OutboxRelay(dataSource, SCHEMA, publisher, (error) => {
      throw error;
    });
  });

  afterAll(async () => {
    await relay?.stop();
    await dataSource?.destroy();
    await nc?.close();
    await env?.dispose();
  });

  async function streamSubjects(): Promise<string[]> {
    const jsm = await nc.jetstreamManager();
    const name = ns.stream(STREAMS.faults.name);
    const { state } = await jsm.streams.info(name);
    const ids: string[] = [];
    for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
      ids.push(JSON.parse(new TextDecoder().decode((await jsm.streams.getMessage(name, { seq })).data)).id);
    }
    return ids;
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
});
