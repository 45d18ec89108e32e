import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { dump } from 'js-yaml';
import { Principal } from '@vigil/auth';
import { configureHttp, PlatformModule } from '@vigil/config';
import { callApi, createTestEnvironment, eventually, sql, TestEnvironment } from '@vigil/testing';
import { routeAlert } from '../domain/routing/route-alert';
import { loadNotifyOptions } from '../notify.config';
import { NotifyModule } from '../notify.module';
import { anAlert } from '../testing/notify-fixtures';
import { PARTNERSHIP_ROUTING } from '../testing/routing-fixtures';
import { RoutingInForce } from './routing-in-force';

const supervisor: Principal = { subject: 'sup-kim', role: 'supervisor' };
const operator: Principal = { subject: 'op-ann', role: 'operator' };
const police: Principal = { subject: 'pc-1234', role: 'police' };
const northHerts: Principal = { subject: 'nhdc-duty', role: 'partner', partnerId: 'north-herts' };
const stevenage: Principal = { subject: 'sbc-asb-team', role: 'partner', partnerId: 'stevenage' };

/** The partnership's rules with North Herts incidents sent to the supervisor instead of its duty officer. */
const withoutNorthHertsDuty = {
  ...PARTNERSHIP_ROUTING,
  rules: PARTNERSHIP_ROUTING.rules.map((rule) => (rule.name === 'north-herts-incidents' ? { ...rule, receiver: 'supervisor' } : rule)),
};

// Real Postgres and notify's own routes: the routing file becomes version 1, edits are validated, versioned and recorded.
describe('routing rules as data', () => {
  let env: TestEnvironment;
  let app: INestApplication;
  let url: string;
  const dir = mkdtempSync(join(tmpdir(), 'vigil-routing-'));

  async function startNotify(routingFile: string): Promise<INestApplication> {
    const options = loadNotifyOptions({ VIGIL_NOTIFY_ROUTING_FILE: routingFile, VIGIL_NOTIFY_ROUTING_REFRESH_MS: '50' }, env.platform);
    @Module({ imports: [PlatformModule.forRoot(env.platform, 'notify-test'), NotifyModule.register(options)] })
    class NotifyOnly {}
    const started = await NestFactory.create(NotifyOnly, { logger: false, bodyParser: false });
    configureHttp(started, env.platform);
    await started.listen(0, '127.0.0.1');
    return started;
  }

  beforeAll(async () => {
    env = await createTestEnvironment('routing');
    const file = join(dir, 'routing.yaml');
    writeFileSync(file, dump(PARTNERSHIP_ROUTING));
    app = await startNotify(file);
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await env?.dispose();
  });

  const send = (principal: Principal, method: string, body?: unknown, path = '/api/notify/routing') => callApi(url, env.platform.authSecret, principal, method, path, body);
  const routedTo = (labels: Parameters<typeof anAlert>[0]) => routeAlert(anAlert(labels), app.get(RoutingInForce).current()!.tree).map((route) => route.receiver.name);

  it('puts the routing file in force as version 1, as written, recorded as loaded from the file', async () => {
    for (const reader of [operator, police, supervisor]) {
      const answer = await send(reader, 'GET');
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ version: 1, scope: 'whole', config: PARTNERSHIP_ROUTING, changedBy: 'routing-file', comment: expect.stringContaining('routing.yaml') });
    }
    expect(routedTo({})).toEqual(['north-herts-duty']);
  });

  it("shows a partner only the receivers and rules that deliver to it, and another partner nothing (403)", async () => {
    const own = await send(northHerts, 'GET');
    expect(own.status).toBe(200);
    expect(own.body.scope).toBe('own');
    expect(own.body.config.receivers.map((r: { name: string }) => r.name)).toEqual(['north-herts-duty']);
    expect(own.body.config.rules.map((r: { name: string }) => r.name)).toEqual(['north-herts-incidents']);
    expect((await send(stevenage, 'GET')).status).toBe(403);
    expect((await send(northHerts, 'GET', undefined, '/api/notify/routing/history')).status).toBe(403);
  });

  it('refuses an edit from anyone but the supervisor (403), and keeps the rules', async () => {
    const answer = await send(operator, 'PUT', { config: withoutNorthHertsDuty, expectedVersion: 1, comment: 'duty officer on leave' });
    expect(answer.status).toBe(403);
    expect((await send(operator, 'GET')).body.version).toBe(1);
  });

  it('refuses an invalid config with every error at its path (422), and keeps the rules in force', async () => {
    const broken = {
      ...PARTNERSHIP_ROUTING,
      defaults: { ...PARTNERSHIP_ROUTING.defaults, groupWait: 'soon' },
      rules: PARTNERSHIP_ROUTING.rules.map((rule, i) => (i === 2 ? { ...rule, matchers: [{ label: 'partner', matches: '(' }] } : rule)),
    };
    const answer = await send(supervisor, 'PUT', { config: broken, expectedVersion: 1, comment: 'tidy up' });
    expect(answer.status).toBe(422);
    expect(answer.body.reason).toBe('invalid-routing');
    expect(answer.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['defaults.groupWait', 'rules[2].matchers[0].matches']));
    expect((await send(operator, 'GET')).body.version).toBe(1);
    expect(routedTo({})).toEqual(['north-herts-duty']);
  });

  it('refuses a stale edit (409) with the version in force, never merging it', async () => {
    const answer = await send(supervisor, 'PUT', { config: withoutNorthHertsDuty, expectedVersion: 0, comment: 'from an old page' });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ sentVersion: 0, current: { version: 1, changedBy: 'routing-file' } });
  });

  it("records an accepted edit with its author and comment, and the next alert is routed by it without a restart", async () => {
    const answer = await send(supervisor, 'PUT', { config: withoutNorthHertsDuty, expectedVersion: 1, comment: 'duty officer on leave until Monday' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ version: 2, changedBy: 'sup-kim', comment: 'duty officer on leave until Monday', config: withoutNorthHertsDuty });
    expect(routedTo({})).toEqual(['supervisor']);

    const history = await send(police, 'GET', undefined, '/api/notify/routing/history');
    expect(history.body.map((v: { version: number; changedBy: string }) => [v.version, v.changedBy])).toEqual([[2, 'sup-kim'], [1, 'routing-file']]);
    const rows = await sql<{ version: number; changed_by: string; comment: string }>(env.databaseUrl, 'SELECT version, changed_by, comment FROM notify.routing_version ORDER BY version');
    expect(rows).toEqual([
      { version: 1, changed_by: 'routing-file', comment: expect.stringContaining('routing.yaml') },
      { version: 2, changed_by: 'sup-kim', comment: 'duty officer on leave until Monday' },
    ]);
    // The same version cannot be edited twice.
    expect((await send(supervisor, 'PUT', { config: PARTNERSHIP_ROUTING, expectedVersion: 1, comment: 'again' })).status).toBe(409);
  });

  it('puts a change accepted by another replica in force here too, without a restart', async () => {
    const other = await startNotify(join(dir, 'routing.yaml'));
    try {
      const otherUrl = `http://127.0.0.1:${(other.getHttpServer().address() as { port: number }).port}`;
      const current = (await send(operator, 'GET')).body;
      const back = await callApi(otherUrl, env.platform.authSecret, supervisor, 'PUT', '/api/notify/routing', { config: PARTNERSHIP_ROUTING, expectedVersion: current.version, comment: 'duty officer back' });
      expect(back.status).toBe(200);
      await eventually(async () => {
        expect((await send(operator, 'GET')).body).toMatchObject({ version: current.version + 1, changedBy: 'sup-kim', comment: 'duty officer back' });
        expect(routedTo({})).toEqual(['north-herts-duty']);
      });
    } finally {
      await other.close();
    }
  });

  it('after a restart keeps the newest stored version, not the file', async () => {
    await app.close();
    app = await startNotify(join(dir, 'routing.yaml'));
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    expect((await send(operator, 'GET')).body).toMatchObject({ version: 3, changedBy: 'sup-kim', comment: 'duty officer back' });
    expect((await sql(env.databaseUrl, 'SELECT version FROM notify.routing_version')).length).toBe(3);
  });
});
