import { io, Socket } from 'socket.io-client';
import { Principal } from '@vigil/auth';
import { Incident, IncidentChangePush, IncidentPush, IncidentWithdrawal, SOCKET_EVENTS } from '@vigil/contracts';
import { createTestEnvironment, eventually, RunningVigil, startEmbeddedVigil, TestAirwaveGateway, TestEnvironment } from '@vigil/testing';

/** What one dashboard socket was pushed, in arrival order. */
interface Seen {
  event: 'opened' | 'changed' | 'withdrawn';
  incidentId: string;
  version: number;
  change?: string;
  streamSeq: number;
  push: IncidentPush | IncidentChangePush | IncidentWithdrawal;
}

async function dashboardClient(url: string, token: string): Promise<{ socket: Socket; seen: Seen[] }> {
  const seen: Seen[] = [];
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false });
  socket.on(SOCKET_EVENTS.incidentOpened, (push: IncidentPush) => seen.push({ event: 'opened', incidentId: push.incidentId, version: push.version, streamSeq: push.streamSeq, push }));
  socket.on(SOCKET_EVENTS.incidentChanged, (push: IncidentChangePush) =>
    seen.push({ event: 'changed', incidentId: push.incidentId, version: push.version, change: push.change, streamSeq: push.streamSeq, push }),
  );
  socket.on(SOCKET_EVENTS.incidentWithdrawn, (push: IncidentWithdrawal) =>
    seen.push({ event: 'withdrawn', incidentId: push.incidentId, version: push.version, streamSeq: push.streamSeq, push }),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, seen };
}

const of = (seen: Seen[], incidentId: string) => seen.filter((s) => s.incidentId === incidentId).map((s) => [s.event, s.version, s.change ?? null]);

// The whole of Vigil in this process on real NATS and Postgres: calls from a gateway, commands over REST, changes on sockets.
describe('an incident worked over REST, each change pushed live to the dashboards that may see it', () => {
  let env: TestEnvironment;
  let vigil: RunningVigil;
  let gateway: TestAirwaveGateway;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment('lifecyclee2e');
    vigil = await startEmbeddedVigil(env.platform, env.ingest);
    gateway = await TestAirwaveGateway.connect(env.natsUrl, env.namespace);
  });

  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await gateway?.close();
    await vigil?.close();
    await env?.dispose();
  });

  async function connect(principal: Principal) {
    const client = await dashboardClient(vigil.url, vigil.tokenFor(principal));
    sockets.push(client.socket);
    return client;
  }

  async function command(principal: Principal, incidentId: string, name: string, body: Record<string, unknown>): Promise<Incident> {
    const response = await fetch(`${vigil.url}/api/incidents/${incidentId}/${name}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${vigil.tokenFor(principal)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as Incident;
    expect({ name, status: response.status }).toEqual({ name, status: 200 });
    return answer;
  }

  it('acknowledge, assign, note and close with two arrests reach two operators and the partner in version order; another partner sees none of it', async () => {
    const ann: Principal = { subject: 'op-ann', role: 'operator' };
    const bob: Principal = { subject: 'op-bob', role: 'operator' };
    const northHerts: Principal = { subject: 'nhdc-cctv', role: 'partner', partnerId: 'north-herts' };
    const operatorAnn = await connect(ann);
    const operatorBob = await connect(bob);
    const partner = await connect(northHerts);

    await gateway.publishSds(gateway.sds('life-1', 'Fight outside Hitchin station'));
    await gateway.publishSds(gateway.sds('life-2', 'Fight outside Stevenage station'));
    const [hitchin, stevenage] = await eventually(() => {
      const opened = operatorAnn.seen.filter((s) => s.event === 'opened').map((s) => s.push as IncidentPush);
      const found = ['Hitchin', 'Stevenage'].map((town) => opened.find((i) => i.summary.includes(town)));
      expect(found.every(Boolean)).toBe(true);
      return found as IncidentPush[];
    });
    expect(hitchin.partnerId).toBe('north-herts');
    expect(stevenage.partnerId).toBe('stevenage');

    // Both incidents are worked; the partner's own incident by an operator and by the partner itself.
    await command(ann, stevenage.incidentId, 'acknowledge', { version: 1 });
    await command(ann, hitchin.incidentId, 'acknowledge', { version: 1 });
    await command(bob, hitchin.incidentId, 'assign', { version: 2, assignee: 'op-bob' });
    await command(northHerts, hitchin.incidentId, 'notes', { text: 'Council warden on scene' });
    await command(ann, stevenage.incidentId, 'notes', { text: 'PCSO attending' });
    const outcome = { arrests: 2, policeAttended: true, footageRequested: true, noFurtherAction: false, summary: 'Two arrested for affray' };
    const closed = await command(bob, hitchin.incidentId, 'close', { version: 4, outcome });
    expect(closed).toMatchObject({ status: 'closed', version: 5, outcome });

    const expected = [
      ['opened', 1, null],
      ['changed', 2, 'acknowledged'],
      ['changed', 3, 'assigned'],
      ['changed', 4, 'noted'],
      ['changed', 5, 'closed'],
    ];
    for (const client of [operatorAnn, operatorBob, partner]) {
      await eventually(() => expect(of(client.seen, hitchin.incidentId)).toEqual(expected));
    }
    await eventually(() => expect(of(operatorBob.seen, stevenage.incidentId)).toEqual([['opened', 1, null], ['changed', 2, 'acknowledged'], ['changed', 3, 'noted']]));

    const last = partner.seen.at(-1)!.push as IncidentChangePush;
    expect(last).toMatchObject({ change: 'closed', changedBy: 'op-bob', outcome: { arrests: 2 }, status: 'closed' });
    const note = partner.seen.find((s) => s.change === 'noted')!.push as IncidentChangePush;
    expect(note.changedBy).toBe('nhdc-cctv');
    // In stream order too, so a page resuming from the last position it saw misses nothing.
    const seqs = partner.seen.map((s) => s.streamSeq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    expect(partner.seen.filter((s) => s.incidentId !== hitchin.incidentId)).toEqual([]);

    // A partner page reconnecting from the start is replayed the opening and every change of its own incident only.
    const replayed = await connect(northHerts);
    replayed.socket.emit(SOCKET_EVENTS.incidentsResume, 0);
    await eventually(() => expect(of(replayed.seen, hitchin.incidentId)).toEqual(expected));
    expect(replayed.seen.filter((s) => s.incidentId !== hitchin.incidentId)).toEqual([]);
    const operatorBack = await connect(ann);
    operatorBack.socket.emit(SOCKET_EVENTS.incidentsResume, 0);
    await eventually(() => expect(of(operatorBack.seen, stevenage.incidentId)).toEqual([['opened', 1, null], ['changed', 2, 'acknowledged'], ['changed', 3, 'noted']]));
  });

  it('relocating an incident to another partner withdraws it from the first partner, who learns nothing of where it went, live and on replay', async () => {
    const ann: Principal = { subject: 'op-ann', role: 'operator' };
    const northHerts: Principal = { subject: 'nhdc-cctv', role: 'partner', partnerId: 'north-herts' };
    const hertsmere: Principal = { subject: 'hbc-cctv', role: 'partner', partnerId: 'hertsmere' };
    const operator = await connect(ann);
    const oldPartner = await connect(northHerts);
    const newPartner = await connect(hertsmere);

    await gateway.publishSds(gateway.sds('life-3', 'Fight outside Royston station'));
    await gateway.publishSds(gateway.sds('life-4', 'Shoplifter running through Letchworth Town Centre'));
    const [royston, letchworth] = await eventually(() => {
      const opened = oldPartner.seen.filter((s) => s.event === 'opened').map((s) => s.push as IncidentPush);
      const found = ['Royston', 'Letchworth'].map((place) => opened.find((i) => i.summary.includes(place)));
      expect(found.every(Boolean)).toBe(true);
      return found as IncidentPush[];
    });
    expect([royston.partnerId, letchworth.partnerId]).toEqual(['north-herts', 'north-herts']);

    await command(ann, royston.incidentId, 'locate', { version: 1, partnerId: 'hertsmere', town: 'Borehamwood', clientName: null, reason: 'caller meant the Royston Road in Borehamwood' });
    await command(ann, royston.incidentId, 'acknowledge', { version: 2 });
    // A later change the old partner does see: once it has arrived, anything before it in the stream has too.
    await command(ann, letchworth.incidentId, 'notes', { text: 'Store detective following' });
    const noted = (seen: Seen[]) => expect(of(seen, letchworth.incidentId)).toContainEqual(['changed', 2, 'noted']);

    await eventually(() => expect(of(operator.seen, royston.incidentId)).toEqual([['opened', 1, null], ['changed', 2, 'relocated'], ['changed', 3, 'acknowledged']]));
    const relocated = operator.seen.find((s) => s.incidentId === royston.incidentId && s.change === 'relocated')!.push as IncidentChangePush;
    expect(relocated).toMatchObject({ partnerId: 'hertsmere', town: 'Borehamwood', previousOwner: { partnerId: 'north-herts', placement: 'partner' } });
    // The new partner is sent the incident from the change that made it theirs.
    await eventually(() => expect(of(newPartner.seen, royston.incidentId)).toEqual([['changed', 2, 'relocated'], ['changed', 3, 'acknowledged']]));

    // The old partner: the opening, then only which incident left at which version; nothing after.
    await eventually(() => noted(oldPartner.seen));
    expect(of(oldPartner.seen, royston.incidentId)).toEqual([['opened', 1, null], ['withdrawn', 2, null]]);
    const withdrawal = oldPartner.seen.find((s) => s.event === 'withdrawn')!;
    expect(Object.keys(withdrawal.push).sort()).toEqual(['incidentId', 'streamSeq', 'version']);
    expect(withdrawal.streamSeq).toBe(relocated.streamSeq);
    expect(JSON.stringify(oldPartner.seen.map((s) => s.push))).not.toMatch(/hertsmere|Borehamwood/);
    expect(of(operator.seen, royston.incidentId).filter(([event]) => event === 'withdrawn')).toEqual([]);

    // A page of the old partner resuming from before the move is replayed the same: opening, withdrawal.
    const replayed = await connect(northHerts);
    replayed.socket.emit(SOCKET_EVENTS.incidentsResume, royston.streamSeq - 1);
    await eventually(() => noted(replayed.seen));
    expect(of(replayed.seen, royston.incidentId)).toEqual([['opened', 1, null], ['withdrawn', 2, null]]);
    expect(JSON.stringify(replayed.seen.map((s) => s.push))).not.toMatch(/hertsmere|Borehamwood/);
  });
});
