import { io, Socket } from 'socket.io-client';
import { IncidentPush, SOCKET_EVENTS } from '@vigil/contracts';
import { createTestEnvironment, eventually, RunningVigil, sql, startEmbeddedVigil, TestAirwaveGateway, TestEnvironment } from '@vigil/testing';

/** A dashboard client that records every incident pushed to it. */
async function dashboardClient(url: string, token: string): Promise<{ socket: Socket; received: IncidentPush[] }> {
  const received: IncidentPush[] = [];
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false });
  socket.on(SOCKET_EVENTS.incidentOpened, (incident: IncidentPush) => received.push(incident));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, received };
}

describe('a call from the Airwave gateway to the dashboard', () => {
  let env: TestEnvironment;
  let vigil: RunningVigil;
  let gateway: TestAirwaveGateway;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment('skeleton');
    vigil = await startEmbeddedVigil(env.platform, env.ingest);
    gateway = await TestAirwaveGateway.connect(env.natsUrl, env.namespace);
  });

  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await gateway?.close();
    await vigil?.close();
    await env?.dispose();
  });

  it('becomes a graded incident in Postgres, pushed live to the right dashboards and readable over REST', async () => {
    const police = await dashboardClient(vigil.url, vigil.tokenFor({ subject: 'pc-1', role: 'police' }));
    const northHerts = await dashboardClient(vigil.url, vigil.tokenFor({ subject: 'nhdc', role: 'partner', partnerId: 'north-herts' }));
    const hertsmere = await dashboardClient(vigil.url, vigil.tokenFor({ subject: 'hbc', role: 'partner', partnerId: 'hertsmere' }));
    sockets.push(police.socket, northHerts.socket, hertsmere.socket);

    await gateway.publishSds(gateway.sds('sk-1', 'Fight outside Hitchin station, two males'));

    const pushed = await eventually(() => {
      expect(police.received).toHaveLength(1);
      return police.received[0];
    });
    expect(pushed).toMatchObject({
      category: 'Assault',
      partnerId: 'north-herts',
      town: 'Hitchin Town Centre',
      callSource: 'Police Airwaves',
      grade: 2,
      status: 'open',
      summary: 'Fight outside Hitchin station, two males',
    });
    await eventually(() => expect(northHerts.received.map((i) => i.incidentId)).toEqual([pushed.incidentId]));

    const rows = await sql(env.databaseUrl, 'SELECT category, partner_id, town, call_source, received_at FROM triage.incident WHERE id = $1', [
      pushed.incidentId,
    ]);
    expect(rows).toEqual([
      { category: 'Assault', partner_id: 'north-herts', town: 'Hitchin Town Centre', call_source: 'Police Airwaves', received_at: expect.any(Date) },
    ]);

    const response = await fetch(`${vigil.url}/api/incidents/${pushed.reference}`, {
      headers: { Authorization: `Bearer ${vigil.tokenFor({ subject: 'nhdc', role: 'partner', partnerId: 'north-herts' })}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ incidentId: pushed.incidentId, reference: pushed.reference, category: 'Assault' });

    const hidden = await fetch(`${vigil.url}/api/incidents/${pushed.reference}`, {
      headers: { Authorization: `Bearer ${vigil.tokenFor({ subject: 'hbc', role: 'partner', partnerId: 'hertsmere' })}` },
    });
    expect(hidden.status).toBe(404);
    // A later call for Hertsmere reaches Hertsmere; by then the Hitchin incident would have too, had it leaked.
    await gateway.publishSds(gateway.sds('sk-2', 'Drunk male shouting in Borehamwood'));
    await eventually(() => expect(hertsmere.received.map((i) => i.town)).toEqual(['Borehamwood']));
  });

  it('opens one incident for a call the gateway sends twice', async () => {
    const sds = gateway.sds('sk-dup', 'Shoplifter leaving the market in Royston');
    await gateway.publishSds(sds);
    await gateway.publishRaw(`gw.airwave.${gateway.gatewayId}.sds`, JSON.stringify(sds), `resent-with-new-nats-id`);
    await eventually(async () => {
      const rows = await sql(env.databaseUrl, `SELECT count(*)::int AS n FROM triage.call WHERE call_key = $1`, [`airwave:${gateway.gatewayId}:sk-dup`]);
      expect(rows).toEqual([{ n: 1 }]);
    });
    await eventually(async () => {
      const incidents = await sql(env.databaseUrl, `SELECT count(*)::int AS n FROM triage.incident WHERE summary = $1`, [sds.text]);
      expect(incidents).toEqual([{ n: 1 }]);
    });
  });

  it('replays from the stream what a reconnecting client missed, and only what its token may see', async () => {
    const token = vigil.tokenFor({ subject: 'hbc-2', role: 'partner', partnerId: 'hertsmere' });
    const first = await dashboardClient(vigil.url, token);
    sockets.push(first.socket);
    first.socket.emit(SOCKET_EVENTS.incidentsResume, 0);
    const before = await eventually(() => {
      expect(first.received.map((i) => i.town)).toEqual(['Borehamwood']);
      return first.received[0];
    });
    first.socket.disconnect();

    await gateway.publishSds(gateway.sds('missed-1', 'Fight outside the station in Bushey'));
    await gateway.publishSds(gateway.sds('missed-2', 'Fight outside the station in Baldock'));
    await eventually(async () => {
      expect(await sql(env.databaseUrl, `SELECT town FROM triage.incident WHERE town IN ('Bushey', 'Baldock Town Centre') ORDER BY town`)).toHaveLength(2);
    });

    const again = await dashboardClient(vigil.url, token);
    sockets.push(again.socket);
    again.socket.emit(SOCKET_EVENTS.incidentsResume, before.streamSeq);
    await eventually(() => expect(again.received.map((i) => i.town)).toContain('Bushey'));
    // Anything leaked from the replay would reach the socket before this live incident does.
    await gateway.publishSds(gateway.sds('live-after', 'Drunk male in Potters Bar'));
    await eventually(() => expect(again.received.map((i) => i.town)).toEqual(['Bushey', 'Potters Bar']));
  });

  it('refuses a dashboard connection without a valid token, saying why', async () => {
    const socket = io(vigil.url, { auth: { token: 'forged' }, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error.message).toBe('unauthorised: malformed token');
    expect(socket.connected).toBe(false);
  });
});
