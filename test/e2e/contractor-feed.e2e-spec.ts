import { io, Socket } from 'socket.io-client';
import { Principal } from '@vigil/auth';
import { CameraPush, FaultTicket, RegisterCamera, SOCKET_EVENTS, TicketPush } from '@vigil/contracts';
import { createTestEnvironment, eventually, RunningVigil, startEmbeddedVigil, TestEnvironment } from '@vigil/testing';

/** What one dashboard socket was pushed about tickets and cameras, in arrival order. */
interface FaultsSocket {
  socket: Socket;
  tickets: TicketPush[];
  cameras: CameraPush[];
  incidents: unknown[];
}

async function faultsSocket(url: string, token: string): Promise<FaultsSocket> {
  const client: FaultsSocket = { socket: io(url, { auth: { token }, transports: ['websocket'], reconnection: false }), tickets: [], cameras: [], incidents: [] };
  client.socket.on(SOCKET_EVENTS.ticketChanged, (push: TicketPush) => client.tickets.push(push));
  client.socket.on(SOCKET_EVENTS.cameraChanged, (push: CameraPush) => client.cameras.push(push));
  client.socket.on(SOCKET_EVENTS.incidentOpened, (push: unknown) => client.incidents.push(push));
  await new Promise<void>((resolve, reject) => {
    client.socket.once('connect', resolve);
    client.socket.once('connect_error', reject);
  });
  return client;
}

const CAMERA: RegisterCamera = {
  cameraId: 'NH-031',
  number: '31',
  location: 'Hermitage Road j/w Bancroft',
  partnerId: 'north-herts',
  clientName: null,
  town: 'Hitchin Town Centre',
  siteId: 'hitchin-hermitage',
  networkSegment: 'hitchin-ring',
  lat: 51.9489,
  lon: -0.2795,
  type: 'ptz-dome',
  monitoring: 'pro-active',
  retentionDays: 28,
};

const REPORT = { engineer: 'Sam Patel', cause: 'water in the junction box', work: 'resealed the box, replaced the PSU', partsReplaced: ['PSU 12V 2A'] };

// The whole of Vigil in this process on real NATS and Postgres: a fault reported over REST, worked by the contractor, pushed to each audience's sockets.
describe("a camera fault on the contractor's socket, and what the police's and the owner's sockets see of it", () => {
  let env: TestEnvironment;
  let vigil: RunningVigil;
  const sockets: Socket[] = [];
  const operator: Principal = { subject: 'op-faults', role: 'operator' };
  const contractor: Principal = { subject: 'eng-sam', role: 'contractor' };
  const police: Principal = { subject: 'pc-faults', role: 'police' };
  const northHerts: Principal = { subject: 'nh-faults', role: 'partner', partnerId: 'north-herts' };
  const stevenage: Principal = { subject: 'sbc-faults', role: 'partner', partnerId: 'stevenage' };

  const send = async <T>(as: Principal, path: string, body: unknown, method = 'POST'): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${vigil.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${vigil.tokenFor(as)}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const connect = async (as: Principal) => {
    const client = await faultsSocket(vigil.url, vigil.tokenFor(as));
    sockets.push(client.socket);
    return client;
  };
  const latest = (client: FaultsSocket, ticketId: string) => client.tickets.filter((t) => t.ticketId === ticketId).at(-1);

  beforeAll(async () => {
    env = await createTestEnvironment('contractor');
    vigil = await startEmbeddedVigil(env.platform, env.ingest);
    expect((await send(operator, '/api/cameras', CAMERA)).status).toBe(201);
  });

  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await vigil?.close();
    await env?.dispose();
  });

  it('pushes the ticket with its deadlines to the contractor, without contractor-only detail to the police, and the fixed camera back in service', async () => {
    const [sam, pc, owner, otherPartner] = await Promise.all([connect(contractor), connect(police), connect(northHerts), connect(stevenage)]);

    const reported = await send<FaultTicket>(operator, '/api/faults', { cameraId: CAMERA.cameraId, symptom: 'no-video', description: 'picture black since 22:40' });
    expect(reported.status).toBe(201);
    const { ticketId } = reported.body;

    const opened = await eventually(() => {
      const push = latest(sam, ticketId);
      expect(push).toMatchObject({ change: 'opened', status: 'reported', severity: 'emergency', cameraIds: [CAMERA.cameraId], audience: 'maintenance', version: 1 });
      return push!;
    });
    // The deadlines the contractor works to, with the warning points and the contract behind them.
    expect(opened.response).toEqual(reported.body.response);
    expect(opened.fix).toEqual(reported.body.fix);
    expect(Date.parse(opened.response.dueAt)).toBeGreaterThan(Date.parse(opened.reportedAt));
    expect(opened.contract).toBe(reported.body.contract);
    // The camera is out of public view while it is faulty; every audience that may see it is told.
    await eventually(() => expect(sam.cameras.at(-1)).toMatchObject({ cameraId: CAMERA.cameraId, status: 'faulty', inPublicView: false }));
    await eventually(() => expect(pc.cameras.at(-1)).toMatchObject({ cameraId: CAMERA.cameraId, status: 'faulty' }));

    let version = opened.version;
    const command = async (name: string, body: object) => {
      const answer = await send<FaultTicket>(contractor, `/api/tickets/${ticketId}/${name}`, { ...body, version });
      expect(answer.status).toBe(200);
      version = answer.body.version;
      return answer.body;
    };
    await command('acknowledge', {});
    await command('on-site', { engineer: REPORT.engineer });
    const fixed = await command('fixed', { report: REPORT });
    expect(fixed.status).toBe('fixed');

    await eventually(() => expect(sam.tickets.filter((t) => t.ticketId === ticketId).map((t) => t.change)).toEqual(['opened', 'acknowledged', 'engineer-on-site', 'fixed']));
    expect(latest(sam, ticketId)).toMatchObject({ status: 'fixed', engineerReport: REPORT, response: { metAt: expect.any(String) }, fix: { metAt: expect.any(String) } });

    // Police follow the same ticket, minus what is the contractor's and the control room's business.
    const policeView = await eventually(() => {
      const push = latest(pc, ticketId);
      expect(push).toMatchObject({ status: 'fixed', audience: 'police', version });
      return push!;
    });
    for (const field of ['engineerReport', 'contract', 'severityReason', 'reopenCount']) expect(policeView).not.toHaveProperty(field);
    expect(policeView.response).not.toHaveProperty('warnAt');
    expect(policeView.fix.dueAt).toBe(fixed.fix.dueAt);
    // The owning council reads the engineer's report (its camera's fault history), not the contract.
    const ownerView = await eventually(() => {
      const push = latest(owner, ticketId);
      expect(push).toMatchObject({ status: 'fixed', audience: 'owner', engineerReport: REPORT });
      return push!;
    });
    expect(ownerView).not.toHaveProperty('contract');

    // Fixed is the contractor's word; the control room sees the picture back and verifies: the camera returns to service.
    expect((await send(operator, `/api/tickets/${ticketId}/verify`, { version })).status).toBe(200);
    await eventually(() => expect(latest(sam, ticketId)).toMatchObject({ change: 'verified', status: 'verified' }));
    await eventually(() => expect(sam.cameras.at(-1)).toMatchObject({ cameraId: CAMERA.cameraId, status: 'in-service', inPublicView: true }));
    const camera = await send<{ status: string; inPublicView: boolean }>(contractor, `/api/cameras/${CAMERA.cameraId}`, undefined, 'GET');
    expect(camera.body).toMatchObject({ status: 'in-service', inPublicView: true });

    // Another council's people see nothing of it; the contractor never an incident.
    expect(otherPartner.tickets).toEqual([]);
    expect(otherPartner.cameras).toEqual([]);
    expect(sam.incidents).toEqual([]);
  });

  it('replays a reconnecting socket what it missed, in its own view', async () => {
    const sam = await connect(contractor);
    sam.socket.emit(SOCKET_EVENTS.ticketsResume, 0);
    await eventually(() => expect(sam.tickets.map((t) => t.change)).toEqual(['opened', 'acknowledged', 'engineer-on-site', 'fixed', 'verified']));
    expect(sam.tickets.every((t) => t.audience === 'maintenance')).toBe(true);
    expect(sam.cameras.map((c) => c.status)).toEqual(['in-service', 'faulty', 'in-service']);

    const pc = await connect(police);
    pc.socket.emit(SOCKET_EVENTS.ticketsResume, 0);
    await eventually(() => expect(pc.tickets).toHaveLength(5));
    expect(pc.tickets.some((t) => 'engineerReport' in t)).toBe(false);
  });
});
