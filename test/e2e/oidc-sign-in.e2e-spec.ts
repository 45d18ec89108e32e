import { io, Socket } from 'socket.io-client';
import { Principal, verifyToken } from '@vigil/auth';
import { IncidentPush, SOCKET_EVENTS } from '@vigil/contracts';
import {
  ChildApp,
  createTestEnvironment,
  eventually,
  freePort,
  RunningVigil,
  SignInClient,
  startEmbeddedVigil,
  startTestOpenIdProvider,
  TEST_ID_TOKEN_SECONDS,
  TestAirwaveGateway,
  TestEnvironment,
  TestOpenIdProvider,
} from '@vigil/testing';

const ROLE_MAP = {
  claim: 'groups',
  roles: [
    { value: 'nhdc-cctv-viewers', role: 'partner', partner: 'north-herts' },
    { value: 'vigil-police-control', role: 'police' },
  ],
};

/**
 * Sign-in against a real OpenID provider (oidc-provider) with its own login and consent pages.
 * The dashboard runs as its own process from dist/ with OIDC configured (openid-client is ESM and
 * cannot load in jest); triage and the REST API run in-process on the same NATS namespace and
 * database, so a signed-in council officer can be shown to see only its own incidents.
 */
describe('sign-in through an OpenID Connect provider', () => {
  let env: TestEnvironment;
  let idp: TestOpenIdProvider;
  let vigil: RunningVigil;
  let dashboard: ChildApp;
  let dashboardUrl: string;
  let gateway: TestAirwaveGateway;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment('oidc');
    const port = await freePort();
    dashboardUrl = `http://127.0.0.1:${port}`;
    idp = await startTestOpenIdProvider(`${dashboardUrl}/auth/callback`, {
      'jo.north-herts': { groups: ['all-staff', 'nhdc-cctv-viewers'] },
      'pc.1234': { groups: ['vigil-police-control'] },
      'visitor': { groups: ['all-staff'] },
    });
    vigil = await startEmbeddedVigil(env.platform, env.ingest);
    dashboard = new ChildApp('dashboard', {
      ...env.env,
      VIGIL_DASHBOARD_PORT: String(port),
      VIGIL_OIDC_ISSUER: idp.issuer,
      VIGIL_OIDC_CLIENT_ID: idp.clientId,
      VIGIL_OIDC_CLIENT_SECRET: idp.clientSecret,
      VIGIL_OIDC_REDIRECT_URL: `${dashboardUrl}/auth/callback`,
      VIGIL_OIDC_SCOPES: 'openid profile groups',
      VIGIL_OIDC_ROLE_MAP: JSON.stringify(ROLE_MAP),
    });
    await dashboard.start();
    gateway = await TestAirwaveGateway.connect(env.natsUrl, env.namespace);
  });

  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await gateway?.close();
    await dashboard?.stop();
    await vigil?.close();
    await idp?.close();
    await env?.dispose();
  });

  function principalOf(token: string | undefined): Principal | undefined {
    const checked = verifyToken(token ?? '', env.platform.authSecret);
    return checked.ok ? checked.principal : undefined;
  }

  it('tells the page whether OpenID Connect sign-in is on', async () => {
    expect(await (await fetch(`${dashboardUrl}/auth/providers`)).json()).toEqual({ oidc: true, loginUrl: '/auth/login' });
    expect(await (await fetch(`${vigil.url}/auth/providers`)).json()).toEqual({ oidc: false });
    expect((await fetch(`${vigil.url}/auth/login`, { redirect: 'manual' })).status).toBe(404);
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce, keeping them in an HttpOnly cookie', async () => {
    const response = await fetch(`${dashboardUrl}/auth/login`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const authorize = new URL(response.headers.get('location')!);
    expect(authorize.origin).toBe(idp.issuer);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: idp.clientId,
      response_type: 'code',
      redirect_uri: `${dashboardUrl}/auth/callback`,
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      state: expect.any(String),
      nonce: expect.any(String),
    });
    const cookie = response.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/^vigil_sign_in=[\w-]+\.[\w-]+\.[\w-]+; Max-Age=600; Path=\/auth; Expires=.*; HttpOnly; SameSite=Lax$/);
    expect(cookie).not.toContain(authorize.searchParams.get('state'));
  });

  it('gives a council officer a partner session for their own council, which sees only that council\'s incidents', async () => {
    const client = new SignInClient('jo.north-herts');
    const end = await client.run(`${dashboardUrl}/auth/login`);
    expect(end).toMatchObject({ status: 302, location: expect.stringMatching(/^\/#token=/) });
    const token = client.tokenOf(end)!;
    expect(principalOf(token)).toEqual({ subject: 'jo.north-herts', role: 'partner', partnerId: 'north-herts' });
    // The token never travels in a query string, so it is in no server or proxy log.
    expect(client.hops.some((hop) => new URL(hop.url).searchParams.has('token'))).toBe(false);
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { iat: number; exp: number };
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(TEST_ID_TOKEN_SECONDS);

    const received: IncidentPush[] = [];
    const socket = io(dashboardUrl, { auth: { token }, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    socket.on(SOCKET_EVENTS.incidentOpened, (incident: IncidentPush) => received.push(incident));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    await gateway.publishSds(gateway.sds('oidc-1', 'Drunk male shouting in Borehamwood'));
    await gateway.publishSds(gateway.sds('oidc-2', 'Fight outside Hitchin station, two males'));
    // Had the Borehamwood incident leaked, it would have reached the socket before the Hitchin one.
    await eventually(() => expect(received.map((i) => i.town)).toEqual(['Hitchin Town Centre']));

    const listed = await fetch(`${vigil.url}/api/incidents`, { headers: { Authorization: `Bearer ${token}` } });
    expect(listed.status).toBe(200);
    const towns = ((await listed.json()) as { town: string; partnerId: string }[]).map((i) => [i.town, i.partnerId]);
    expect(towns).toEqual([['Hitchin Town Centre', 'north-herts']]);
  });

  it('gives a police officer a police session', async () => {
    const client = new SignInClient('pc.1234');
    expect(principalOf(client.tokenOf(await client.run(`${dashboardUrl}/auth/login`)))).toEqual({ subject: 'pc.1234', role: 'police' });
  });

  it('refuses an account in no Vigil group, with a page saying so, and no token', async () => {
    const client = new SignInClient('visitor');
    const end = await client.run(`${dashboardUrl}/auth/login`);
    expect(end.status).toBe(403);
    expect(end.body).toContain('Your account has no Vigil role. Ask your administrator');
    expect(client.hops.some((hop) => hop.location?.includes('token='))).toBe(false);
    await eventually(() => expect(dashboard.output.join('')).toMatch(/"msg":"sign-in refused".*"reason":"no-matching-group"/));
  });

  it('refuses a callback whose state was tampered with', async () => {
    const client = new SignInClient('pc.1234', (url) => {
      if (url.pathname !== '/auth/callback') return url;
      const tampered = new URL(url);
      tampered.searchParams.set('state', `${url.searchParams.get('state')}x`);
      return tampered;
    });
    const end = await client.run(`${dashboardUrl}/auth/login`);
    expect(end).toMatchObject({ status: 400, body: expect.stringContaining('Sign-in failed') });
    expect(client.hops.some((hop) => hop.location?.includes('token='))).toBe(false);
    await eventually(() => expect(dashboard.output.join('')).toMatch(/"reason":"provider-response-invalid".*"check":"unexpected \\"state\\" response parameter value"/));
  });

  it('refuses a callback without the cookie its login set (another browser, or a forged link)', async () => {
    const callback = await new SignInClient('pc.1234').urlOf(`${dashboardUrl}/auth/login`, '/auth/callback');
    const response = await fetch(callback, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('This sign-in took too long or was started in another browser');
  });

  it('writes no authorization code, token or client secret to its log', () => {
    const log = dashboard.output.join('');
    expect(log).toMatch(/"msg":"signed in"/);
    expect(log).not.toMatch(/code=|"code"|token=|eyJ/);
    expect(log).not.toContain(idp.clientSecret);
  });

  it('keeps serving the board when the provider is down, and says sign-in is unavailable', async () => {
    const cutOff = new ChildApp('dashboard', {
      ...env.env,
      VIGIL_OIDC_ISSUER: 'http://127.0.0.1:1',
      VIGIL_OIDC_CLIENT_ID: idp.clientId,
      VIGIL_OIDC_REDIRECT_URL: `${dashboardUrl}/auth/callback`,
      VIGIL_OIDC_ROLE_MAP: JSON.stringify(ROLE_MAP),
    });
    try {
      await cutOff.start();
      const port = cutOff.logged('dashboard listening').port;
      const login = await fetch(`http://127.0.0.1:${port}/auth/login`, { redirect: 'manual' });
      expect(login.status).toBe(502);
      expect(await login.text()).toContain('Vigil cannot reach your identity provider just now');
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    } finally {
      await cutOff.stop();
    }
  });

  it('keeps working with machine tokens from the token CLI alongside', async () => {
    const { execFileSync } = await import('node:child_process');
    const token = execFileSync(process.execPath, ['dist/scripts/issue-token.js', 'partner', 'sbc-duty', 'stevenage'], {
      env: { PATH: process.env.PATH ?? '', VIGIL_AUTH_SECRET: env.platform.authSecret },
    })
      .toString()
      .trim();
    expect(principalOf(token)).toEqual({ subject: 'sbc-duty', role: 'partner', partnerId: 'stevenage' });
  });
});
