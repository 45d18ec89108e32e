import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Principal } from '@vigil/auth';
import { configureHttp, PlatformModule } from '@vigil/config';
import { CallReceived, Incident, IncidentCall, StaleIncidentResponse, TimelineEntry } from '@vigil/contracts';
import { callApi, createTestEnvironment, sql, TestEnvironment } from '@vigil/testing';
import { TakeCallUseCase } from '../calls/take-call.usecase';
import { LIFECYCLE_COMMAND_NAMES } from './domain/lifecycle-command';
import { TriageModule } from '../triage.module';

const operator: Principal = { subject: 'op-ann', role: 'operator' };
const operatorBob: Principal = { subject: 'op-bob', role: 'operator' };
const police: Principal = { subject: 'pc-1234', role: 'police' };
const northHerts: Principal = { subject: 'nhdc-cctv', role: 'partner', partnerId: 'north-herts' };
const stevenage: Principal = { subject: 'sbc-cctv', role: 'partner', partnerId: 'stevenage' };
const contractor: Principal = { subject: 'eng-1', role: 'contractor' };

const outcome = { arrests: 2, policeAttended: true, footageRequested: true, noFurtherAction: false, summary: 'Two arrested for affray' };
const reason = 'seen on camera 12';

let seq = 0;
function call(summary: string, town?: string): CallReceived {
  const now = new Date(Date.now() - 60_000 + seq).toISOString();
  seq += 1;
  return {
    callKey: `airwave:gw-life:${seq}`,
    source: 'Police Airwaves',
    sourceMessageId: String(seq),
    receivedAt: now,
    occurredAt: now,
    urgency: 'routine',
    summary,
    location: town ? { town } : {},
    raw: { n: seq },
  };
}

// Real Postgres, triage's own HTTP routes and use cases; the bus is not needed (events are asserted in the outbox).
describe('incident lifecycle over REST', () => {
  let env: TestEnvironment;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    env = await createTestEnvironment('lifecycle');
    @Module({ imports: [PlatformModule.forRoot(env.platform, 'triage-test'), TriageModule.register({ databaseUrl: env.databaseUrl, restoreWaitSeconds: 30 })] })
    class TriageOnly {}
    app = await NestFactory.create(TriageOnly, { logger: false, bodyParser: false });
    configureHttp(app, env.platform);
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await env?.dispose();
  });

  async function open(summary: string, town?: string): Promise<Incident> {
    const [result] = await app.get(TakeCallUseCase).execute([call(summary, town)]);
    if (result.kind !== 'opened') throw new Error(`expected an incident, got ${result.kind}`);
    return get(operator, `/api/incidents/${result.incident.id}`).then((r) => r.body as Incident);
  }

  const send = (principal: Principal, method: string, path: string, body?: unknown) => callApi(url, env.platform.authSecret, principal, method, path, body);
  const get = (principal: Principal, path: string) => send(principal, 'GET', path);
  const post = (principal: Principal, incident: Pick<Incident, 'incidentId'>, command: string, body: unknown) =>
    send(principal, 'POST', `/api/incidents/${incident.incidentId}/${command}`, body);

  async function outboxOf(incidentId: string): Promise<{ event_id: string; subject: string; type: string; change: string; changed_by: string; change_reason: string | null; version: number }[]> {
    return sql(
      env.databaseUrl,
      `SELECT event_id, subject, envelope->>'type' AS type, envelope->'data'->>'change' AS change, envelope->'data'->>'changedBy' AS changed_by,
              envelope->'data'->>'changeReason' AS change_reason, aggregate_version AS version
       FROM triage.outbox WHERE aggregate_id = $1 ORDER BY aggregate_version`,
      [`incident:${incidentId}`],
    );
  }

  it('works an incident from open to closed with two arrests, each change versioned, on the timeline and in the outbox', async () => {
    const incident = await open('Fight outside Hitchin station', 'Hitchin');
    expect(incident).toMatchObject({ status: 'open', version: 1, partnerId: 'north-herts', placement: 'partner' });

    const steps: [Principal, string, Record<string, unknown>, Partial<Incident>][] = [
      [operator, 'acknowledge', {}, { status: 'acknowledged' }],
      [operator, 'assign', { assignee: 'op-ann' }, { assignee: 'op-ann' }],
      [operator, 'start', {}, { status: 'in-progress' }],
      [operator, 'regrade', { grade: 1, reason }, { grade: 1 }],
      [operator, 'reclassify', { category: 'Assault', subcategory: 'ABH', reason }, { category: 'Assault', subcategory: 'ABH' }],
      [operator, 'cameras', { cameras: ['NH-12', 'NH-14'] }, { cameras: ['NH-12', 'NH-14'] }],
      [operator, 'thrive', { threat: 'high', harm: 'injury', risk: 'ongoing', investigation: 'CCTV', vulnerability: 'none', engagement: 'police' }, { thrive: expect.objectContaining({ threat: 'high' }) }],
      [operator, 'monitoring', { subject: 'Male, red jacket', reason }, { monitoring: [expect.objectContaining({ subject: 'Male, red jacket', reason, by: 'op-ann' })] }],
      [police, 'police-reference', { policeReference: '41/1234/26' }, { policeReference: '41/1234/26' }],
      [operator, 'close', { outcome }, { status: 'closed', outcome }],
    ];
    let version = 1;
    for (const [principal, command, body, expected] of steps) {
      const answer = await post(principal, incident, command, { version, ...body });
      expect({ command, status: answer.status }).toEqual({ command, status: 200 });
      version += 1;
      expect(answer.body).toMatchObject({ ...expected, version });
    }
    const closed = (await get(operator, `/api/incidents/${incident.incidentId}`)).body as Incident;
    expect(closed.closedAt).not.toBeNull();
    expect(Date.parse(closed.updatedAt)).toBeGreaterThan(Date.parse(incident.updatedAt));

    // A partner may note its own incident, even closed: a note names no version and never conflicts.
    expect((await post(northHerts, incident, 'notes', { text: 'Court date set' })).body).toMatchObject({ version: 12, status: 'closed' });

    const timeline = (await get(operator, `/api/incidents/${incident.incidentId}/timeline`)).body as TimelineEntry[];
    expect(timeline.map((e) => [e.kind, e.actor, e.version])).toEqual([
      ['opened', 'triage', 1],
      ['acknowledged', 'op-ann', 2],
      ['assigned', 'op-ann', 3],
      ['started', 'op-ann', 4],
      ['regraded', 'op-ann', 5],
      ['reclassified', 'op-ann', 6],
      ['cameras-recorded', 'op-ann', 7],
      ['thrive-assessed', 'op-ann', 8],
      ['monitoring-recorded', 'op-ann', 9],
      ['police-reference-recorded', 'pc-1234', 10],
      ['closed', 'op-ann', 11],
      ['noted', 'nhdc-cctv', 12],
    ]);
    expect(timeline.find((e) => e.kind === 'regraded')).toMatchObject({ reason, detail: { grade: 1 } });
    expect(timeline.find((e) => e.kind === 'closed')!.detail).toEqual({ outcome });

    const events = await outboxOf(incident.incidentId);
    expect(events.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(events[1]).toEqual({
      event_id: `incident-changed:${incident.incidentId}:2`,
      subject: 'incident.north-herts.acknowledged',
      type: 'vigil.incident.changed',
      change: 'acknowledged',
      changed_by: 'op-ann',
      change_reason: null,
      version: 2,
    });
    expect(events[4]).toMatchObject({ change: 'regraded', change_reason: reason });

    // Re-opened with its reason: back on the board as acknowledged, the earlier outcome kept on the timeline.
    const reopened = await post(operator, incident, 'reopen', { version: 12, reason: 'suspect returned' });
    expect(reopened.body).toMatchObject({ status: 'acknowledged', outcome: null, closedAt: null, version: 13 });
    const last = ((await get(operator, `/api/incidents/${incident.incidentId}/timeline`)).body as TimelineEntry[]).at(-1);
    expect(last).toMatchObject({ kind: 'reopened', reason: 'suspect returned', detail: { previousOutcome: outcome } });
  });

  it('refuses a stale version with 409 and the current incident, changing nothing', async () => {
    const incident = await open('Shoplifter at Stevenage Westgate', 'Stevenage');
    expect((await post(operator, incident, 'acknowledge', { version: 1 })).status).toBe(200);
    const before = await outboxOf(incident.incidentId);

    const stale = await post(operatorBob, incident, 'assign', { version: 1, assignee: 'op-bob' });

    expect(stale.status).toBe(409);
    const body = stale.body as StaleIncidentResponse;
    expect(body).toMatchObject({ statusCode: 409, sentVersion: 1, current: { incidentId: incident.incidentId, version: 2, status: 'acknowledged', assignee: null } });
    expect(body.message).toContain('version 2');
    expect(await outboxOf(incident.incidentId)).toEqual(before);
    expect(((await get(operator, `/api/incidents/${incident.incidentId}`)).body as Incident).version).toBe(2);
  });

  it('lets exactly one of several operators sending the same version through', async () => {
    const incident = await open('Disorder outside Royston Town Hall', 'Royston');
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => post({ subject: `op-${i}`, role: 'operator' }, incident, 'assign', { version: 1, assignee: `op-${i}` })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    expect((await outboxOf(incident.incidentId)).map((e) => e.version)).toEqual([1, 2]);
  });

  it.each([
    ['a missing version', 'acknowledge', {}, 'version'],
    ['a regrade without a reason', 'regrade', { version: 1, grade: 2 }, 'reason'],
    ['a grade out of range', 'regrade', { version: 1, grade: 9, reason }, 'grade'],
    ['monitoring without a reason', 'monitoring', { version: 1, subject: 'Male, red jacket' }, 'reason'],
    ['a re-open with a blank reason', 'reopen', { version: 1, reason: '  ' }, 'reason'],
    ['a close without arrests', 'close', { version: 1, outcome: { ...outcome, arrests: undefined } }, 'outcome.arrests'],
  ])('answers 400 naming the field for %s', async (_, command, body, field) => {
    const incident = await open('Noise complaint in Letchworth', 'Letchworth');
    const answer = await post(operator, incident, command, body);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain(`${field}:`);
  });

  it.each([
    ['start before acknowledging', 'start', {}, 'not-acknowledged'],
    ['close before acknowledging', 'close', { outcome }, 'not-acknowledged'],
    ['re-open an open incident', 'reopen', { reason }, 'not-closed'],
    ['reclassify outside the taxonomy', 'reclassify', { category: 'Jaywalking', subcategory: null, reason }, 'unknown-category'],
    ["place a town outside the partner's area", 'locate', { partnerId: 'stevenage', town: 'Hitchin', clientName: null, reason }, 'town-outside-partner'],
  ])('answers 422 with the named reason to %s', async (_, command, body, refusal) => {
    const incident = await open('Youths gathering in Baldock', 'Baldock');
    const answer = await post(operator, incident, command, { version: 1, ...body });
    expect(answer.status).toBe(422);
    expect(answer.body.reason).toBe(refusal);
  });

  it('refuses work on a closed incident until it is re-opened', async () => {
    const incident = await open('Criminal damage in Hitchin market', 'Hitchin');
    await post(operator, incident, 'acknowledge', { version: 1 });
    await post(operator, incident, 'close', { version: 2, outcome });
    expect((await post(operator, incident, 'regrade', { version: 3, grade: 1, reason })).body).toMatchObject({ statusCode: 422, reason: 'incident-closed' });
    expect((await post(police, incident, 'police-reference', { version: 3, policeReference: '41/9/26' })).status).toBe(200);
  });

  describe('who may do what', () => {
    let hitchin: Incident;
    let client: Incident;
    let unplaced: Incident;

    beforeAll(async () => {
      hitchin = await open('Fight in Hitchin churchyard', 'Hitchin');
      unplaced = await open('Man shouting somewhere on the ring road');
      const placed = await open('Alarm at a retail park', 'Stevenage');
      const located = await post(operator, placed, 'locate', { version: 1, partnerId: null, town: 'Luton', clientName: 'Acme Retail', reason: 'client site' });
      client = located.body as Incident;
      expect(client).toMatchObject({ placement: 'client', partnerId: null, clientName: 'Acme Retail' });
      expect(unplaced).toMatchObject({ placement: 'unplaced', partnerId: null });
    });

    it.each<[string, Principal, () => Incident, string, Record<string, unknown>, number]>([
      ['police acknowledge', police, () => hitchin, 'acknowledge', { version: 1 }, 403],
      ['police note', police, () => client, 'notes', { text: 'PC attending' }, 200],
      ['a partner notes its own', northHerts, () => hitchin, 'notes', { text: 'Council warden on scene' }, 200],
      ['a partner acknowledges its own', northHerts, () => hitchin, 'acknowledge', { version: 1 }, 403],
      ["a partner notes another partner's", stevenage, () => hitchin, 'notes', { text: 'hello' }, 404],
      ["a partner notes a client's", stevenage, () => client, 'notes', { text: 'hello' }, 404],
      ['a partner notes an unplaced one', northHerts, () => unplaced, 'notes', { text: 'hello' }, 404],
      ['the contractor notes', contractor, () => hitchin, 'notes', { text: 'hello' }, 404],
    ])('%s: %s', async (_, principal, incident, command, body, status) => {
      expect((await post(principal, incident(), command, body)).status).toBe(status);
    });

    it('answers an incident a caller may not see exactly as one that does not exist, on every route', async () => {
      const missing = { incidentId: '00000000-0000-4000-8000-000000000000' };
      for (const path of ['', '/timeline', '/calls']) {
        const hidden = await get(stevenage, `/api/incidents/${hitchin.incidentId}${path}`);
        const absent = await get(stevenage, `/api/incidents/${missing.incidentId}${path}`);
        expect([hidden.status, absent.status]).toEqual([404, 404]);
        expect(hidden.body.message.replace(hitchin.incidentId, 'X')).toBe(absent.body.message.replace(missing.incidentId, 'X'));
      }
      expect((await post(stevenage, missing, 'notes', { text: 'x' })).status).toBe(404);
      expect((await get(operator, '/api/incidents/not-a-uuid/timeline')).status).toBe(404);
    });
  });

  describe('merge and split', () => {
    it('merges an incident into another: calls move, the source closes as merged, both versions checked', async () => {
      const target = await open('Fight at Stevenage bus station', 'Stevenage');
      // No place in common, so correlation kept them apart; the operator sees on camera it is one fight.
      const source = await open('Men fighting in Stevenage, heading north', 'Stevenage');

      const stale = await post(operator, source, 'merge', { version: 1, intoIncidentId: target.incidentId, intoVersion: 7, reason: 'same fight' });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ sentVersion: 7, current: { incidentId: target.incidentId, version: 1 } });

      const merged = await post(operator, source, 'merge', { version: 1, intoIncidentId: target.incidentId, intoVersion: 1, reason: 'same fight' });
      expect(merged.status).toBe(200);
      expect(merged.body).toMatchObject({ status: 'closed', mergedInto: target.incidentId, callCount: 0, version: 2 });
      const into = (await get(operator, `/api/incidents/${target.incidentId}`)).body as Incident;
      expect(into).toMatchObject({ status: 'open', callCount: 2, version: 2 });
      const calls = (await get(operator, `/api/incidents/${target.incidentId}/calls`)).body as IncidentCall[];
      expect(calls.map((c) => c.summary)).toEqual(['Fight at Stevenage bus station', 'Men fighting in Stevenage, heading north']);
      expect(calls[1].reason).toBe(`merged from ${source.reference}: same fight`);
      expect(((await get(operator, `/api/incidents/${source.incidentId}/calls`)).body as IncidentCall[])).toEqual([]);
      expect((await outboxOf(source.incidentId)).at(-1)).toMatchObject({ change: 'merged', subject: 'incident.stevenage.merged', version: 2 });
      expect((await outboxOf(target.incidentId)).at(-1)).toMatchObject({ change: 'merged', version: 2, change_reason: 'same fight' });

      expect((await post(operator, source, 'reopen', { version: 2, reason })).body).toMatchObject({ statusCode: 422, reason: 'merged-away' });
      expect((await post(operator, target, 'merge', { version: 2, intoIncidentId: source.incidentId, intoVersion: 2, reason })).body).toMatchObject({ reason: 'target-incident-closed' });
    });

    it('merges two incidents into each other at once without a deadlock: one wins, the other is told', async () => {
      const a = await open('Fight in Hitchin Bancroft', 'Hitchin');
      const b = await open('Fighting on Bancroft in Hitchin', 'Hitchin');
      const answers = await Promise.all([
        post(operator, a, 'merge', { version: 1, intoIncidentId: b.incidentId, intoVersion: 1, reason: 'same fight' }),
        post(operatorBob, b, 'merge', { version: 1, intoIncidentId: a.incidentId, intoVersion: 1, reason: 'same fight' }),
      ]);
      expect(answers.map((x) => x.status).sort()).toEqual([200, 409]);
    });

    it('splits a call out into a new incident of its own, and never the only call', async () => {
      const target = await open('Car alarm in Royston car park', 'Royston');
      const source = await open('Shop alarm in Royston', 'Royston');
      await post(operator, source, 'merge', { version: 1, intoIncidentId: target.incidentId, intoVersion: 1, reason: 'looked like one' });
      const [, wrongly] = (await get(operator, `/api/incidents/${target.incidentId}/calls`)).body as IncidentCall[];

      const split = await post(operator, target, 'split', { version: 2, callKey: wrongly.callKey, reason: 'different shop' });

      expect(split.status).toBe(200);
      expect(split.body).toMatchObject({ callCount: 1, version: 3 });
      const [event] = await sql<{ id: string }>(
        env.databaseUrl,
        `SELECT envelope->'data'->>'incidentId' AS id FROM triage.outbox WHERE envelope->>'type' = 'vigil.incident.opened' AND envelope->'data'->>'summary' = 'Shop alarm in Royston' AND envelope->'data'->>'incidentId' <> $1`,
        [source.incidentId],
      );
      const fresh = (await get(operator, `/api/incidents/${event.id}`)).body as Incident;
      expect(fresh).toMatchObject({ status: 'open', version: 1, callCount: 1, partnerId: 'north-herts', triageReasons: [`split-from:${target.reference}`] });
      expect(((await get(operator, `/api/incidents/${event.id}/calls`)).body as IncidentCall[]).map((c) => c.callKey)).toEqual([wrongly.callKey]);
      expect(((await get(operator, `/api/incidents/${event.id}/timeline`)).body as TimelineEntry[])[0]).toMatchObject({ kind: 'opened', actor: 'op-ann', reason: 'different shop' });

      const [only] = (await get(operator, `/api/incidents/${target.incidentId}/calls`)).body as IncidentCall[];
      expect((await post(operator, target, 'split', { version: 3, callKey: only.callKey, reason })).body).toMatchObject({ reason: 'only-call' });
      expect((await post(operator, target, 'split', { version: 3, callKey: wrongly.callKey, reason })).body).toMatchObject({ reason: 'call-not-on-incident' });
    });
  });

  it('documents every route in OpenAPI, each command with its contract body', async () => {
    const doc = (await (await fetch(`${url}/api/docs-json`)).json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: object } }> } }>> };
    for (const name of LIFECYCLE_COMMAND_NAMES) {
      const route = doc.paths[`/api/incidents/{id}/${name}`]?.post;
      expect({ name, body: Object.keys(route?.requestBody?.content['application/json'].schema.properties ?? {}).length > 0 }).toEqual({ name, body: true });
    }
    for (const path of ['/api/incidents', '/api/incidents/{idOrReference}', '/api/incidents/{id}/timeline', '/api/incidents/{id}/calls']) expect(doc.paths[path]?.get).toBeDefined();
    expect((doc.paths['/api/incidents'].get as { parameters?: { name: string }[] }).parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['board', 'q', 'placement', 'limit']));
  });
});
