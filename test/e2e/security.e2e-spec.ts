import { io, Socket } from 'socket.io-client';
import { signToken } from '@vigil/auth';
import { SOCKET_EVENTS } from '@vigil/contracts';
import { ChildApp, createTestEnvironment, eventually, freePort, TestEnvironment } from '@vigil/testing';

// Triage (bus and Postgres) and the dashboard (socket.io and the page) as deployed: their own
// processes from dist/, outside demo mode, with credentials inside both service URLs.
const PASSWORD = 's3cret';

describe('what a deployed Vigil shows and accepts', () => {
  let env: TestEnvironment;
  let triage: ChildApp;
  let dashboard: ChildApp;
  let triageUrl: string;
  let dashboardUrl: string;
  const sockets: Socket[] = [];
  const token = (role: 'police' | 'partner', ttlSeconds = 600) =>
    signToken({ subject: `test-${role}`, role, ...(role === 'partner' ? { partnerId: 'stevenage' } : {}) }, env.platform.authSecret, ttlSeconds);

  function connectSocket(options: Parameters<typeof io>[1]): Socket {
    const socket = io(dashboardUrl, { transports: ['websocket'], reconnection: false, ...options });
    sockets.push(socket);
    return socket;
  }

  function firstOutcome(socket: Socket): Promise<'connected' | string> {
    return new Promise((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (error) => resolve(error.message));
    });
  }

  beforeAll(async () => {
    env = await createTestEnvironment('security');
    await env.provisionStreams(); // no ingest here to make CALLS, which triage reads
    const withCredentials = {
      ...env.env,
      VIGIL_NATS_URL: env.natsUrl.replace('nats://', `nats://vigil:${PASSWORD}@`),
      VIGIL_DATABASE_URL: env.databaseUrl.replace('postgres://postgres@', `postgres://postgres:${PASSWORD}@`),
    };
    const [triagePort, dashboardPort] = [await freePort(), await freePort()];
    triage = new ChildApp('triage', { ...withCredentials, VIGIL_TRIAGE_PORT: String(triagePort), VIGIL_OPS_ENDPOINTS: 'off' });
    dashboard = new ChildApp('dashboard', { ...withCredentials, VIGIL_DASHBOARD_PORT: String(dashboardPort), VIGIL_OPS_ENDPOINTS: 'staff' });
    await Promise.all([triage.start(), dashboard.start()]);
    triageUrl = `http://127.0.0.1:${triagePort}`;
    dashboardUrl = `http://127.0.0.1:${dashboardPort}`;
  });

  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await Promise.all([triage?.stop(), dashboard?.stop()]);
    await env?.dispose();
  });

  it('keeps the credentials of the NATS and Postgres URLs out of /health and the logs', async () => {
    for (const url of [triageUrl, dashboardUrl]) {
      const health = await fetch(`${url}/health`);
      const body = await health.text();
      expect(health.status).toBe(200);
      expect(body).toContain('nats');
      expect(body).not.toContain(PASSWORD);
    }
    const logs = triage.output.join('') + dashboard.output.join('');
    expect(logs).toContain('connected to NATS');
    expect(logs).not.toContain(PASSWORD);
  });

  it.each(['/', '/app.js', '/health'])('sends security headers and no X-Powered-By on %s', async (path) => {
    const response = await fetch(`${dashboardUrl}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it.each(['/', '/app.js', '/app.css'])('serves the page asset %s for revalidation on every load (no-cache)', async (path) => {
    const response = await fetch(`${dashboardUrl}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it.each([
    ['/metrics', 'no', 401],
    ['/metrics', 'partner', 403],
    ['/metrics', 'police', 200],
    ['/METRICS/', 'no', 401],
    ['/api/docs-json', 'no', 401],
    ['/api/docs', 'no', 401],
    ['/api/docs-json', 'police', 200],
  ] as const)('with VIGIL_OPS_ENDPOINTS=staff, %s with %s token answers %d', async (path, role, status) => {
    const headers: Record<string, string> = role === 'no' ? {} : { Authorization: `Bearer ${token(role)}` };
    expect((await fetch(`${dashboardUrl}${path}`, { headers })).status).toBe(status);
  });

  it.each(['/metrics', '/api/docs-json', '/api/docs'])('with VIGIL_OPS_ENDPOINTS=off, %s is not served', async (path) => {
    const response = await fetch(`${triageUrl}${path}`, { headers: { Authorization: `Bearer ${token('police')}` } });
    expect(response.status).toBe(404);
  });

  it('refuses a socket whose token comes in the query string', async () => {
    const outcome = await firstOutcome(connectSocket({ query: { token: token('police') } }));
    expect(outcome).toMatch(/^unauthorised/);
  });

  it('refuses a socket from another origin and accepts one from its own', async () => {
    expect(await firstOutcome(connectSocket({ auth: { token: token('police') }, extraHeaders: { Origin: 'http://evil.example' } }))).not.toBe('connected');
    expect(await firstOutcome(connectSocket({ auth: { token: token('police') }, extraHeaders: { Origin: dashboardUrl } }))).toBe('connected');
  });

  it('ends a session when its token expires: says why, then disconnects', async () => {
    const events: string[] = [];
    const socket = connectSocket({ auth: { token: token('police', 2) } });
    socket.on(SOCKET_EVENTS.sessionExpired, (notice: { reason: string }) => events.push(`${SOCKET_EVENTS.sessionExpired}: ${notice.reason}`));
    socket.on('disconnect', (reason) => events.push(`disconnect: ${reason}`));
    expect(await firstOutcome(socket)).toBe('connected');
    await eventually(() => expect(events).toEqual([`${SOCKET_EVENTS.sessionExpired}: token expired`, 'disconnect: io server disconnect']), { timeoutMs: 8_000 });
  });
});
