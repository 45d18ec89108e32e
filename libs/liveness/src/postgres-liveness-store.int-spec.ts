import { DataSource } from 'typeorm';
import { ensureDatabaseAndSchema } from '@vigil/db';
import { createTestEnvironment, eventually, sql, TestEnvironment } from '@vigil/testing';
import { livenessTableSql } from './liveness-table';
import { LivenessSource, PostgresLivenessStore } from './postgres-liveness-store';

const SCHEMA = 'livenesstest';
const T0 = new Date('2026-12-01T20:00:00Z').getTime();
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const camera = (id: string): LivenessSource => ({ kind: 'camera', id, partnerId: 'stevenage' });

// Real Postgres; two stores with their own pools stand for two replicas. Each announced
// transition is written in its transaction, so the table holds exactly what was committed.
describe('PostgresLivenessStore', () => {
  let env: TestEnvironment;
  const dataSources: DataSource[] = [];
  let one: PostgresLivenessStore;
  let two: PostgresLivenessStore;

  beforeAll(async () => {
    env = await createTestEnvironment('liveness');
    await ensureDatabaseAndSchema(env.databaseUrl, SCHEMA);
    const admin = await new DataSource({ type: 'postgres', url: env.databaseUrl }).initialize();
    for (const statement of livenessTableSql(SCHEMA, 'source_state')) await admin.query(statement);
    await admin.query(`CREATE TABLE ${SCHEMA}.announced (event_id text PRIMARY KEY, state text NOT NULL)`);
    await admin.destroy();
    one = await store();
    two = await store();
  });

  afterAll(async () => {
    for (const dataSource of dataSources) await dataSource.destroy();
    await env?.dispose();
  });

  async function store(): Promise<PostgresLivenessStore> {
    const dataSource = await new DataSource({ type: 'postgres', url: env.databaseUrl, extra: { max: 4 } }).initialize();
    dataSources.push(dataSource);
    return new PostgresLivenessStore(dataSource, {
      schema: SCHEMA,
      table: 'source_state',
      policyFor: (kind, interval) => (interval === null ? null : { lateAfterSeconds: interval * 2, downAfterSeconds: interval * 5 }),
      announce: (manager, t) => manager.query(`INSERT INTO ${SCHEMA}.announced VALUES ($1, $2)`, [`${t.kind}:${t.id}:${t.version}`, t.to]),
    });
  }

  async function announced(idLike: string): Promise<Array<{ event_id: string; state: string }>> {
    return sql(env.databaseUrl, `SELECT event_id, state FROM ${SCHEMA}.announced WHERE event_id LIKE $1 ORDER BY event_id`, [idLike]);
  }

  it('commits each transition once when two replicas judge the same silent sources at the same moment', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `cam-${String(i).padStart(2, '0')}`);
    ids.forEach((id) => one.heard(camera(id), at(0), 30));
    expect(await one.flush()).toHaveLength(40);

    const [late1, late2] = await Promise.all([one.evaluate(at(61)), two.evaluate(at(61))]);
    const [down1, down2] = await Promise.all([two.evaluate(at(151)), one.evaluate(at(151))]);
    expect(late1.length + late2.length).toBe(40);
    expect(down1.length + down2.length).toBe(40);
    const rows = await announced('camera:cam-%');
    expect(rows).toHaveLength(120);
    for (const id of ids) {
      expect(rows.filter((r) => r.event_id.startsWith(`camera:${id}:`)).map((r) => r.state)).toEqual(['up', 'late', 'down']);
    }
  });

  it('judges a source from the last-heard time another replica stored, not from its own', async () => {
    one.heard(camera('busy'), at(0), 30);
    await one.flush();
    one.heard(camera('busy'), at(50), 30);
    await one.flush();
    expect(await two.evaluate(at(100))).toEqual([]);
    expect((await announced('camera:busy:%')).map((r) => r.state)).toEqual(['up']);
  });

  it('loses the compare-and-set when another replica stores a later heard time between its read and its write', async () => {
    one.heard(camera('raced'), at(2000), 30);
    await one.flush();
    // Replica one's next flush, caught after its UPDATE and before its commit.
    const flushing = dataSources[0].createQueryRunner();
    await flushing.startTransaction();
    await flushing.query(`UPDATE ${SCHEMA}.source_state SET last_seen = $1 WHERE source_id = 'raced'`, [at(2050)]);
    const judging = two.evaluate(at(2100));
    await eventually(async () =>
      expect(await sql(env.databaseUrl, `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).toHaveLength(1),
    );
    await flushing.commitTransaction();
    await flushing.release();
    expect((await judging).filter((t) => t.id === 'raced')).toEqual([]);
    expect((await announced('camera:raced:%')).map((r) => r.state)).toEqual(['up']);
  });

  it('only moves last-heard forward, whichever replica flushes last', async () => {
    one.heard(camera('order'), at(100), 30);
    await one.flush();
    two.heard(camera('order'), at(40), 30);
    await two.flush();
    const [row] = await sql<{ last_seen: Date }>(env.databaseUrl, `SELECT last_seen FROM ${SCHEMA}.source_state WHERE source_id = 'order'`);
    expect(row.last_seen.toISOString()).toBe(at(100).toISOString());
  });

  it('sets an event-decided state once, and clears it only by a word heard after it', async () => {
    const tampered = async (judged: Promise<Array<{ id: string }>>) => (await judged).filter((t) => t.id === 'tampered');
    const [first, again] = await Promise.all([
      one.set(camera('tampered'), 'obscured', 'view blocked', at(1010)),
      two.set(camera('tampered'), 'obscured', 'view blocked', at(1011)),
    ]);
    expect([first, again].filter(Boolean)).toHaveLength(1);
    two.heard(camera('tampered'), at(1005), null);
    await two.flush();
    expect(await tampered(one.evaluate(at(1012)))).toEqual([]);
    one.heard(camera('tampered'), at(1020), null);
    await one.flush();
    expect(await tampered(two.evaluate(at(1021)))).toEqual([expect.objectContaining({ from: 'obscured', to: 'up', reason: 'heard-after-obscured', version: 2 })]);
    expect((await announced('camera:tampered:%')).map((r) => r.event_id)).toEqual(['camera:tampered:1', 'camera:tampered:2']);
  });
});
