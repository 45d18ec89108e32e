import { io, Socket } from 'socket.io-client';
import { Principal, signToken } from '@vigil/auth';
import { CameraPush, FaultTicket, RegisterCamera, SOCKET_EVENTS, TicketPush } from '@vigil/contracts';
import { callApi, ChildApp, createTestEnvironment, eventually, FakeVms, freePort, TestEnvironment } from '@vigil/testing';

// The VMS's heartbeat every half second, three missed a camera down; a video loss counts after 1.5 s.
// Set as a deployment sets them, in faults' environment: the same code as production, shorter times.
const HEARTBEAT_MS = 500;
const HEALTH_ENV = {
  VIGIL_HEALTH_HEARTBEAT_INTERVAL_MS: String(HEARTBEAT_MS),
  VIGIL_HEALTH_HEARTBEAT_GRACE: '3',
  VIGIL_HEALTH_VIDEO_LOSS_DEBOUNCE_MS: '1500',
  VIGIL_HEALTH_TAMPER_DEBOUNCE_MS: '1500',
};
const h = 3_600_000;

const operator: Principal = { subject: 'op-health', role: 'operator' };
const contractor: Principal = { subject: 'eng-sam', role: 'contractor' };
const police: Principal = { subject: 'pc-health', role: 'police' };
const northHerts: Principal = { subject: 'nh-health', role: 'partner', partnerId: 'north-herts' };
const stevenage: Principal = { subject: 'sbc-health', role: 'partner', partnerId: 'stevenage' };

const camera = (cameraId: string, siteId: string): RegisterCamera => ({
  cameraId,
  number: cameraId.slice(3),
  location: `Hitchin ${cameraId}`,
  partnerId: 'north-herts',
  clientName: null,
  town: 'Hitchin Town Centre',
  siteId,
  networkSegment: null,
  lat: 51.9489,
  lon: -0.2795,
  type: 'ptz-dome',
  monitoring: 'pro-active',
  retentionDays: 28,
});
const DEAD = 'NH-031';
const BLIP = 'NH-032';
const LOST = 'NH-033';
const MARKET = Array.from({ length: 40 }, (_, i) => `NH-2${String(i).padStart(2, '0')}`);
const CAMERAS = [...[DEAD, BLIP, LOST].map((id) => camera(id, `site-${id}`)), ...MARKET.map((id) => camera(id, 'hitchin-market'))];

const REPORT = { engineer: 'Sam Patel', cause: 'PoE switch port dead in the cabinet', work: 'moved the camera to a spare port, replaced the patch lead', partsReplaced: ['Cat6 patch lead'] };

/** What one dashboard socket was pushed about tickets and cameras, in arrival order. */
interface FaultsSocket {
  socket: Socket;
  tickets: TicketPush[];
  cameras: CameraPush[];
}

/** The latest push of each ticket on a socket, for the tickets that cover any of `cameraIds`. */
function latestTickets(client: FaultsSocket, cameraIds: readonly string[]): TicketPush[] {
  const latest = new Map<string, TicketPush>();
  for (const push of client.tickets) if (push.cameraIds.some((id) => cameraIds.includes(id))) latest.set(push.ticketId, push);
  return [...latest.values()];
}

// Faults and the dashboard as their own processes, the dashboard forwarding the page's REST calls
// to faults, with a VMS publishing real health signals to NATS: what a split deployment runs.
describe('camera faults from VMS health signals, end to end', () => {
  let env: TestEnvironment;
  let faults: ChildApp;
  let dashboard: ChildApp;
  let vms: FakeVms;
  let url: string;
  const sockets: Socket[] = [];

  const tokenFor = (as: Principal) => signToken(as, env.platform.authSecret, 3600);
  const send = (as: Principal, method: string, path: string, body?: unknown) => callApi(url, env.platform.authSecret, as, method, path, body);
  const ticketsOf = async (query: string) => (await send(operator, 'GET', `/api/tickets?${query}&limit=500`)).body as FaultTicket[];
  const connect = async (as: Principal): Promise<FaultsSocket> => {
    const client: FaultsSocket = { socket: io(url, { auth: { token: tokenFor(as) }, transports: ['websocket'], reconnection: false }), tickets: [], cameras: [] };
    sockets.push(client.socket);
    client.socket.on(SOCKET_EVENTS.ticketChanged, (push: TicketPush) => client.tickets.push(push));
    client.socket.on(SOCKET_EVENTS.cameraChanged, (push: CameraPush) => client.cameras.push(push));
    await new Promise<void>((resolve, reject) => client.socket.once('connect', resolve).once('connect_error', reject));
    return client;
  };

  let sam: FaultsSocket;
  let pc: FaultsSocket;
  let owner: FaultsSocket;
  let otherPartner: FaultsSocket;

  beforeAll(async () => {
    env = await createTestEnvironment('camerafaults');
    await env.provisionStreams(); // INCIDENTS, which the dashboard waits for, is triage's, not started here
    const faultsPort = await freePort();
    faults = new ChildApp('faults', { ...env.env, ...HEALTH_ENV }, faultsPort);
    dashboard = new ChildApp('dashboard', { ...env.env, VIGIL_FAULTS_URL: `http://127.0.0.1:${faultsPort}` });
    await Promise.all([faults.start(), dashboard.start()]);
    url = `http://127.0.0.1:${dashboard.logged('dashboard listening').port}`;
    for (const c of CAMERAS) expect((await send(operator, 'POST', '/api/cameras', c)).status).toBe(201);
    [sam, pc, owner, otherPartner] = await Promise.all([connect(contractor), connect(police), connect(northHerts), connect(stevenage)]);
    vms = await FakeVms.connect(env.natsUrl, env.namespace, 'vms-hitchin', (id) => (MARKET.includes(id) ? 'rs-market' : 'rs-hitchin'));
    await vms.heartbeat(CAMERAS.map((c) => c.cameraId), HEARTBEAT_MS);
  });

  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await vms?.close();
    await Promise.all([dashboard?.stop(), faults?.stop()]);
    await env?.dispose();
  });

  afterEach(() => {
    // Every camera here is North Herts': another council's people see nothing of any of it.
    expect(otherPartner.tickets).toEqual([]);
    expect(otherPartner.cameras).toEqual([]);
  });

  it("opens one ticket with deadlines for a camera whose heartbeats stop, which the contractor works to fixed and the camera returns to service", async () => {
    vms.silence([DEAD]);

    const opened = await eventually(() => {
      const [push, ...more] = latestTickets(sam, [DEAD]);
      expect(more).toEqual([]);
      expect(push).toMatchObject({ change: 'opened', origin: 'health-watchdog', scope: 'camera', cameraIds: [DEAD], status: 'reported', severity: 'emergency', audience: 'maintenance' });
      return push;
    });
    // Emergency attendance under the assumed contract: on site within 4 hours, fixed within 12, with the contractor's warning points.
    const reportedAt = Date.parse(opened.reportedAt);
    expect([Date.parse(opened.response.dueAt) - reportedAt, Date.parse(opened.fix.dueAt) - reportedAt]).toEqual([4 * h, 12 * h]);
    expect(opened.response.warnAt).toEqual(expect.any(String));
    expect(opened.contract).toEqual(expect.any(String));

    // Out of public view at once: the register says so, and every audience that may see the camera is told.
    await eventually(async () => expect((await send(operator, 'GET', `/api/cameras/${DEAD}`)).body).toMatchObject({ status: 'faulty', inPublicView: false }));
    await eventually(() => expect(sam.cameras.filter((c) => c.cameraId === DEAD).at(-1)).toMatchObject({ status: 'faulty', inPublicView: false }));
    await eventually(() => expect(pc.cameras.filter((c) => c.cameraId === DEAD).at(-1)).toMatchObject({ status: 'faulty', inPublicView: false }));

    // Police see what is broken and when it will be mended, nothing of the contract behind it.
    const policeOpened = await eventually(() => {
      const [push] = latestTickets(pc, [DEAD]);
      expect(push).toMatchObject({ ticketId: opened.ticketId, change: 'opened', audience: 'police', status: 'reported' });
      return push;
    });
    for (const field of ['engineerReport', 'contract', 'severityReason', 'reopenCount']) expect(policeOpened).not.toHaveProperty(field);
    expect(policeOpened.response).not.toHaveProperty('warnAt');
    expect(policeOpened.fix).not.toHaveProperty('warnAt');
    expect(policeOpened.response.dueAt).toBe(opened.response.dueAt);
    // The owning council is told of its camera, without the contract.
    await eventually(() => expect(latestTickets(owner, [DEAD])).toEqual([expect.objectContaining({ ticketId: opened.ticketId, audience: 'owner' })]));
    expect(latestTickets(owner, [DEAD])[0]).not.toHaveProperty('contract');

    // The contractor works the ticket over REST, each command on the version it last saw.
    const { ticketId } = opened;
    const command = async (as: Principal, name: string, body: object) => {
      const version = latestTickets(sam, [DEAD])[0].version;
      const answer = await send(as, 'POST', `/api/tickets/${ticketId}/${name}`, { ...body, version });
      expect(answer.status).toBe(200);
      await eventually(() => expect(latestTickets(sam, [DEAD])[0].version).toBe(answer.body.version));
      return answer.body as FaultTicket;
    };
    await command(contractor, 'acknowledge', {});
    await command(contractor, 'on-site', { engineer: REPORT.engineer });
    // The engineer mends it: the VMS hears the camera again, which the contractor sees on the same ticket.
    vms.resume([DEAD]);
    await eventually(() => expect(latestTickets(sam, [DEAD])).toEqual([expect.objectContaining({ ticketId, change: 'camera-recovered' })]));
    const fixed = await command(contractor, 'fixed', { report: REPORT });
    expect(fixed).toMatchObject({ status: 'fixed', engineerReport: REPORT, response: { metAt: expect.any(String) }, fix: { metAt: expect.any(String) } });

    const policeFixed = await eventually(() => {
      const [push] = latestTickets(pc, [DEAD]);
      expect(push).toMatchObject({ change: 'fixed', status: 'fixed', audience: 'police' });
      return push;
    });
    expect(policeFixed).not.toHaveProperty('engineerReport');
    expect(policeFixed.fix).not.toHaveProperty('warnAt');

    // The control room sees the picture back and verifies: the camera returns to public view, on both sockets.
    await command(operator, 'verify', {});
    expect(sam.tickets.filter((t) => t.ticketId === ticketId).map((t) => t.change)).toEqual(['opened', 'acknowledged', 'engineer-on-site', 'camera-recovered', 'fixed', 'verified']);
    await eventually(() => expect(pc.tickets.filter((t) => t.ticketId === ticketId).at(-1)).toMatchObject({ change: 'verified', status: 'verified' }));
    await eventually(() => expect(sam.cameras.filter((c) => c.cameraId === DEAD).at(-1)).toMatchObject({ status: 'in-service', inPublicView: true }));
    await eventually(() => expect(pc.cameras.filter((c) => c.cameraId === DEAD).at(-1)).toMatchObject({ status: 'in-service', inPublicView: true }));
    expect((await send(contractor, 'GET', `/api/cameras/${DEAD}`)).body).toMatchObject({ status: 'in-service', inPublicView: true });
    // Still the one ticket, seconds and a recovery later.
    expect((await ticketsOf(`cameraId=${DEAD}`)).map((t) => t.ticketId)).toEqual([ticketId]);
  });

  it("gives the contractor one parent ticket, not forty, when a site's 40 cameras stop together", async () => {
    vms.silence(MARKET);

    const outage = await eventually(
      () => {
        const open = latestTickets(sam, MARKET).filter((t) => t.status !== 'merged');
        expect(open.map((t) => [t.scope, t.siteId, t.cameraIds.length])).toEqual([['site', 'hitchin-market', 40]]);
        return open[0];
      },
      { timeoutMs: 20_000 },
    );
    expect(outage).toMatchObject({ origin: 'health-watchdog', severity: 'emergency', audience: 'maintenance' });
    expect([...outage.cameraIds].sort()).toEqual(MARKET);
    // Cameras confirmed before the site was recognised as down had tickets of their own: merged into the outage's, off the board.
    for (const merged of latestTickets(sam, MARKET).filter((t) => t.ticketId !== outage.ticketId)) {
      expect(merged).toMatchObject({ status: 'merged', scope: 'camera' });
      expect(outage.cameraIds).toEqual(expect.arrayContaining(merged.cameraIds));
    }
    expect((await ticketsOf('siteId=hitchin-market&board=open')).map((t) => t.ticketId)).toEqual([outage.ticketId]);
    await eventually(async () => expect((await send(operator, 'GET', `/api/cameras/${MARKET[39]}`)).body).toMatchObject({ status: 'faulty', inPublicView: false }));
  });

  it('opens nothing for a video loss that recovers inside the debounce', async () => {
    await vms.videoLoss(BLIP);
    await vms.recovered(BLIP);
    // A loss that lasts, raised after the blip: once its ticket is on the socket, the blip's debounce has long run out.
    await vms.videoLoss(LOST);

    await eventually(() => expect(latestTickets(sam, [LOST])).toEqual([expect.objectContaining({ change: 'opened', symptom: 'no-video', cameraIds: [LOST] })]));
    expect(latestTickets(sam, [BLIP])).toEqual([]);
    // Never out of public view (the socket may still carry its registration, which came over the same stream).
    expect(sam.cameras.filter((c) => c.cameraId === BLIP && !c.inPublicView)).toEqual([]);
    expect(await ticketsOf(`cameraId=${BLIP}`)).toEqual([]);
    expect((await send(operator, 'GET', `/api/cameras/${BLIP}`)).body).toMatchObject({ status: 'in-service', inPublicView: true });
  });
});
