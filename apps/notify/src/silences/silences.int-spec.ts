import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Principal } from '@vigil/auth';
import { configureHttp, PlatformModule } from '@vigil/config';
import { appDatabaseModule } from '@vigil/db';
import { callApi, createTestEnvironment, eventually, sql, TestEnvironment } from '@vigil/testing';
import { appTimersProvider, timersSchemaFor } from '@vigil/timers';
import { silencer } from '../domain/mute/silence';
import { NOTIFY_MIGRATIONS } from '../notify.migrations';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { anAlert } from '../testing/notify-fixtures';
import { RecordingSilenceLifecycle } from '../testing/recording-silence-lifecycle';
import { EndSilenceUseCase } from './end-silence.usecase';
import { RemindSilenceUseCase } from './remind-silence.usecase';
import { SILENCE_LIFECYCLE } from './silence-lifecycle';
import { SilenceStore } from './silence-store';
import { SILENCES } from './silences.parts';

const supervisor: Principal = { subject: 'sup-kim', role: 'supervisor' };
const operator: Principal = { subject: 'op-ann', role: 'operator' };
const police: Principal = { subject: 'pc-1234', role: 'police' };
const northHerts: Principal = { subject: 'nhdc-duty', role: 'partner', partnerId: 'north-herts' };
const contractor: Principal = { subject: 'eng-desk', role: 'contractor' };

const HOUR = 3_600_000;
const inAnHour = () => new Date(Date.now() + HOUR).toISOString();
const northHertsFaults = { matchers: [{ label: 'partner', equals: 'north-herts' }, { label: 'kind', equals: 'fault' }], comment: 'Contractor replacing the Hitchin switch' };
const stevenageIncidents = { matchers: [{ label: 'partner', equals: 'stevenage' }, { label: 'kind', equals: 'incident' }], comment: 'Stevenage duty officer on a course' };

// Real Postgres, HTTP and notify's timer runners (two replicas in the last case); the lifecycle port is a recorder.
describe('silences', () => {
  let env: TestEnvironment;
  let app: INestApplication;
  let url: string;
  const lifecycle = new RecordingSilenceLifecycle();

  async function startNotifySilences(): Promise<INestApplication> {
    @Module({
      imports: [
        PlatformModule.forRoot(env.platform, 'notify-test'),
        appDatabaseModule({ url: env.databaseUrl, schema: NOTIFY_SCHEMA, entities: SILENCES.entities, migrations: NOTIFY_MIGRATIONS }),
      ],
      controllers: SILENCES.controllers,
      providers: [
        appTimersProvider({ url: env.databaseUrl, appSchema: NOTIFY_SCHEMA, runner: { pollIntervalMs: 200 } }),
        { provide: SILENCE_LIFECYCLE, useValue: lifecycle },
        ...SILENCES.providers,
      ],
    })
    class NotifySilences {}
    const started = await NestFactory.create(NotifySilences, { logger: false, bodyParser: false });
    configureHttp(started, env.platform);
    await started.listen(0, '127.0.0.1');
    return started;
  }
  const baseUrl = (started: INestApplication) => `http://127.0.0.1:${(started.getHttpServer().address() as { port: number }).port}`;

  beforeAll(async () => {
    env = await createTestEnvironment('silences');
    app = await startNotifySilences();
    url = baseUrl(app);
  });

  afterAll(async () => {
    await app?.close();
    await env?.dispose();
  });

  const send = (principal: Principal, method: string, path = '', body?: unknown, to = url) => callApi(to, env.platform.authSecret, principal, method, `/api/notify/silences${path}`, body);
  const create = async (body: object, by = operator, to = url) => {
    const answer = await send(by, 'POST', '', body, to);
    expect(answer.status).toBe(201);
    return answer.body as { id: string; state: string };
  };
  const idsOf = (answer: { body: { id: string }[] }) => answer.body.map((one) => one.id);
  /** Timers still pending or running for a silence: none left means every run is over, so what the recorder holds is final. */
  const timersLeft = async (silenceId: string) =>
    (await sql<{ key: string }>(env.databaseUrl, `SELECT key FROM "${timersSchemaFor(NOTIFY_SCHEMA)}"._private_jobs WHERE key LIKE $1`, [`%:${silenceId}`])).length;

  it('creates a silence by who signs in, lists it active, and mutes the alerts it matches from then on', async () => {
    const silence = await create({ ...northHertsFaults, endsAt: inAnHour() });
    expect(silence).toMatchObject({ state: 'active', createdBy: 'op-ann', matchers: northHertsFaults.matchers, comment: northHertsFaults.comment, expiredBy: null });

    for (const reader of [operator, police, supervisor]) {
      const listed = await send(reader, 'GET');
      expect(listed.status).toBe(200);
      expect(listed.body).toContainEqual(expect.objectContaining({ id: silence.id, state: 'active' }));
    }
    const verdict = silencer(await app.get(SilenceStore).inForce(new Date())).mutes(anAlert({ fingerprint: 'fault:t1', labels: { kind: 'fault', partner: 'north-herts' } }), new Date());
    expect(verdict).toEqual({ muted: true, reason: 'silenced', by: silence.id });
  });

  it('refuses a silence with every problem at its path (422), and stores nothing', async () => {
    const before = (await sql(env.databaseUrl, 'SELECT id FROM notify.silence')).length;
    const answer = await send(operator, 'POST', '', { matchers: [{ label: 'colour', equals: 'red' }], endsAt: inAnHour(), comment: 'why not', createdBy: 'someone-else' });
    expect(answer.status).toBe(422);
    expect(answer.body.reason).toBe('invalid-silence');
    expect(answer.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'matchers[0].label', message: expect.stringContaining('no such label "colour"') },
        { path: 'createdBy', message: 'not sent: the author is who signs in' },
      ]),
    );
    const past = await send(operator, 'POST', '', { ...northHertsFaults, endsAt: new Date(Date.now() - 1000).toISOString() });
    expect(past.status).toBe(422);
    expect(past.body.errors).toEqual([{ path: 'endsAt', message: 'already over: a silence ends in the future' }]);
    expect((await sql(env.databaseUrl, 'SELECT id FROM notify.silence')).length).toBe(before);
  });

  it('lets no partner or contractor create or expire (403); each reads only the silences pinned to it', async () => {
    expect((await send(northHerts, 'POST', '', { ...northHertsFaults, endsAt: inAnHour() })).status).toBe(403);
    expect((await send(police, 'POST', '', { ...northHertsFaults, endsAt: inAnHour() })).status).toBe(403);
    const own = await create({ ...northHertsFaults, endsAt: inAnHour() }, supervisor);
    const other = await create({ ...stevenageIncidents, endsAt: inAnHour() }, supervisor);

    const partnerReads = await send(northHerts, 'GET', '?state=all');
    expect(partnerReads.status).toBe(200);
    expect(idsOf(partnerReads)).toContain(own.id);
    expect(idsOf(partnerReads)).not.toContain(other.id);
    expect(partnerReads.body.every((one: { matchers: unknown[] }) => one.matchers.some((m) => JSON.stringify(m) === JSON.stringify({ label: 'partner', equals: 'north-herts' })))).toBe(true);
    expect((await send(northHerts, 'GET', `/${own.id}`)).body).toMatchObject({ id: own.id, state: 'active' });
    expect((await send(northHerts, 'GET', `/${other.id}`)).status).toBe(404);
    expect((await send(northHerts, 'POST', `/${own.id}/expire`)).status).toBe(403);

    const contractorReads = idsOf(await send(contractor, 'GET'));
    expect(contractorReads).toContain(own.id);
    expect(contractorReads).not.toContain(other.id);
    expect((await send(contractor, 'GET', `/${other.id}`)).status).toBe(404);
  });

  it('expires a silence at once: expired with who did it, no longer muting, its end told once (and once only when expired again)', async () => {
    const silence = await create({ ...stevenageIncidents, endsAt: inAnHour() });
    const expired = await send(supervisor, 'POST', `/${silence.id}/expire`);
    expect(expired.status).toBe(200);
    expect(expired.body).toMatchObject({ id: silence.id, state: 'expired', expiredBy: 'sup-kim' });

    await eventually(async () => {
      expect(lifecycle.about(silence.id)).toEqual(['ended']);
      expect(await timersLeft(silence.id)).toBe(0);
    });
    expect(idsOf(await send(police, 'GET'))).not.toContain(silence.id);
    expect(idsOf(await send(police, 'GET', '?state=expired'))).toContain(silence.id);
    const incident = anAlert({ labels: { kind: 'incident', partner: 'stevenage' } });
    const stillInForce = (await app.get(SilenceStore).inForce(new Date())).filter((one) => one.id === silence.id);
    expect(silencer(stillInForce).mutes(incident, new Date())).toEqual({ muted: false, reason: 'not-muted' });

    const again = await send(operator, 'POST', `/${silence.id}/expire`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ state: 'expired', expiredBy: 'sup-kim', endsAt: expired.body.endsAt });
    expect(await timersLeft(silence.id)).toBe(0);
    expect(lifecycle.about(silence.id)).toEqual(['ended']);
  });

  it('cancels a pending silence: expired at once, it never starts, its end told once', async () => {
    const startsAt = new Date(Date.now() + HOUR).toISOString();
    const pending = await create({ ...northHertsFaults, startsAt, endsAt: new Date(Date.now() + 2 * HOUR).toISOString() });
    expect(pending.state).toBe('pending');
    expect(idsOf(await send(operator, 'GET', '?state=pending'))).toContain(pending.id);
    expect((await send(operator, 'POST', `/${pending.id}/expire`)).body).toMatchObject({ state: 'expired', startsAt, endsAt: startsAt });
    expect(idsOf(await send(operator, 'GET', '?state=pending'))).not.toContain(pending.id);
    await eventually(async () => {
      expect(lifecycle.about(pending.id)).toEqual(['ended']);
      expect(await timersLeft(pending.id)).toBe(0);
    });
  });

  it('documents the API: the body of a new silence and the 422 with its paths', async () => {
    const docs = await (await fetch(`${url}/api/docs-json`)).json();
    const post = docs.paths['/api/notify/silences'].post;
    expect(Object.keys(post.requestBody.content['application/json'].schema.properties)).toEqual(['matchers', 'startsAt', 'endsAt', 'comment']);
    expect(post.responses['422'].content['application/json'].schema.properties.errors).toBeDefined();
    expect(docs.paths['/api/notify/silences/{id}/expire'].post.responses['200']).toBeDefined();
  });

  it('with two replicas on one database, a short silence is reminded once, then ended once, even when both run its timers again', async () => {
    const replica = await startNotifySilences();
    try {
      const silence = await create({ ...northHertsFaults, endsAt: new Date(Date.now() + 2000).toISOString() }, operator, baseUrl(replica));
      await eventually(async () => {
        expect(lifecycle.about(silence.id)).toEqual(['reminderDue', 'ended']);
        expect(await timersLeft(silence.id)).toBe(0);
      });
      expect((await send(police, 'GET', `/${silence.id}`)).body).toMatchObject({ state: 'expired', expiredBy: null, remindedAt: expect.any(String) });

      // A retry after a crash, or both replicas at once: the row says it is done.
      const reruns = await Promise.all([app, replica].flatMap((one) => [one.get(RemindSilenceUseCase).execute(silence.id), one.get(EndSilenceUseCase).execute(silence.id)]));
      expect(reruns).toEqual(['silence-over', 'released', 'silence-over', 'released']);
      expect(lifecycle.about(silence.id)).toEqual(['reminderDue', 'ended']);

      // Both replicas reach a long silence's reminder time at once: one reminds, the other finds it reminded.
      const long = await create({ ...stevenageIncidents, endsAt: inAnHour() });
      const nearItsEnd = new Date(Date.now() + HOUR - 600_000);
      const reminders = await Promise.all([app, replica].map((one) => one.get(RemindSilenceUseCase).execute(long.id, nearItsEnd)));
      expect(reminders.sort()).toEqual(['expiry-near', 'reminded']);
      expect(lifecycle.about(long.id)).toEqual(['reminderDue']);
    } finally {
      await replica.close();
    }
  });
});
