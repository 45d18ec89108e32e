import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PlatformModule } from '@vigil/config';
import { CallReceived, incidentListQuerySchema } from '@vigil/contracts';
import { createTestEnvironment, sql, TestEnvironment } from '@vigil/testing';
import { TakeCallUseCase } from '../calls/take-call.usecase';
import { ChangeIncidentUseCase } from '../lifecycle/change-incident/change-incident.usecase';
import { SearchTrigramIndexes1765238400000 } from '../migrations/1765238400000-search-trigram-indexes';
import { TriageModule } from '../triage.module';
import { TRIAGE_SCHEMA } from '../triage.schema';
import { listIncidentsQuery } from './list-incidents';

/** Enough rows that a sequential scan costs more than the trigram indexes, as in a year of a control room. */
const ROUTINE_INCIDENTS = 20_000;

// Real Postgres with triage's migrations: the text search (`q`) reads trigram indexes, not the whole table.
describe('incident text search', () => {
  let env: TestEnvironment;
  let app: INestApplication;
  let dataSource: DataSource;
  const ids: Record<string, string> = {};

  async function open(name: string, summary: string): Promise<string> {
    const at = new Date().toISOString();
    const call: CallReceived = { callKey: `search:${name}`, source: 'Police Airwaves', sourceMessageId: name, receivedAt: at, occurredAt: at, urgency: 'routine', summary, location: { town: 'Hitchin' }, raw: {} };
    const [taken] = await app.get(TakeCallUseCase).execute([call]);
    if (taken.kind !== 'opened') throw new Error(taken.kind);
    ids[name] = taken.incident.id;
    return taken.incident.id;
  }

  function searchSql(q: string): [string, unknown[]] {
    return listIncidentsQuery(dataSource.manager, { role: 'operator' }, incidentListQuerySchema.parse({ q }))!.getQueryAndParameters();
  }
  async function plan(q: string): Promise<string> {
    const [text, values] = searchSql(q);
    const rows = await dataSource.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${text}`, values);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  }
  async function found(q: string): Promise<string[]> {
    const [text, values] = searchSql(q);
    const rows = await dataSource.query<{ i_id: string }[]>(text, values);
    return rows.map((row) => Object.entries(ids).find(([, id]) => id === row.i_id)?.[0] ?? row.i_id);
  }

  beforeAll(async () => {
    env = await createTestEnvironment('incidentsearch');
    @Module({ imports: [PlatformModule.forRoot(env.platform, 'triage-test'), TriageModule.register({ databaseUrl: env.databaseUrl, restoreWaitSeconds: 30 })] })
    class TriageOnly {}
    app = await NestFactory.create(TriageOnly, { logger: false, bodyParser: false });
    await app.init();
    dataSource = app.get<DataSource>(getDataSourceToken(TRIAGE_SCHEMA));

    await open('in-summary', 'Man with a holdall trying car doors');
    const noted = await open('in-note', 'Suspicious behaviour near the bank');
    const result = await app.get(ChangeIncidentUseCase).execute({ subject: 'op-ann', role: 'operator' }, noted, { name: 'notes', body: { text: 'He dropped a blue HOLDALL by the bins' } });
    expect(result.kind).toBe('changed');
    await open('elsewhere', 'Shoplifter in the market');

    // Routine history, each incident with an opening entry and a note about something else.
    const columns = (await sql<{ column_name: string }>(env.databaseUrl, `SELECT column_name FROM information_schema.columns WHERE table_schema = 'triage' AND table_name = 'incident' ORDER BY ordinal_position`)).map((c) => c.column_name);
    const own: Record<string, string> = { id: 'gen_random_uuid()', reference: `'VIG-2025-' || lpad(g::text, 6, '0')`, summary: `'Routine report ' || md5(g::text)` };
    const select = columns.map((c) => own[c] ?? `t."${c}"`).join(', ');
    await sql(env.databaseUrl, `INSERT INTO triage.incident (${columns.map((c) => `"${c}"`).join(', ')}) SELECT ${select} FROM generate_series(1, ${ROUTINE_INCIDENTS}) g, (SELECT * FROM triage.incident WHERE id = $1) t`, [ids.elsewhere]);
    await sql(
      env.databaseUrl,
      `INSERT INTO triage.timeline_entry (incident_id, at, kind, actor, version, detail)
       SELECT i.id, now(), k.kind, 'op-ann', 1, jsonb_build_object('text', 'Patrol passed by ' || md5(i.reference)) FROM triage.incident i, (VALUES ('opened'), ('noted')) k(kind) WHERE i.reference LIKE 'VIG-2025-%'`,
    );
    // As autovacuum leaves a table in service: statistics taken and the GIN pending lists merged (rows
    // inserted after the index was built wait there, and the planner prices scanning them all).
    await sql(env.databaseUrl, 'VACUUM ANALYZE triage.incident');
    await sql(env.databaseUrl, 'VACUUM ANALYZE triage.timeline_entry');
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await env?.dispose();
  });

  it('finds a word in the summary or in a note, whatever the case', async () => {
    expect((await found('holdall')).sort()).toEqual(['in-note', 'in-summary']);
  });

  it('reads the reference, summary and note trigram indexes, never the whole incident table', async () => {
    const explained = await plan('holdall');
    expect(explained).toContain('incident_summary_trgm');
    expect(explained).toContain('incident_reference_trgm');
    expect(explained).toContain('timeline_note_text_trgm');
    expect(explained).not.toMatch(/Seq Scan on (incident|timeline_entry)/);
  });

  it('runs again without harm, as over indexes built CONCURRENTLY by hand before a deploy', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await new SearchTrigramIndexes1765238400000().up(runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    const indexes = await sql<{ indexname: string }>(env.databaseUrl, `SELECT indexname FROM pg_indexes WHERE schemaname = 'triage' AND indexname LIKE '%trgm' ORDER BY indexname`);
    expect(indexes.map((i) => i.indexname)).toEqual(['incident_reference_trgm', 'incident_summary_trgm', 'timeline_note_text_trgm']);
  });
});
