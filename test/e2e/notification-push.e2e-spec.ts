import { connect, NatsConnection } from 'nats';
import { io, Socket } from 'socket.io-client';
import { Principal } from '@vigil/auth';
import { BusNamespace, EventPublisher, provisionStreams, STREAMS } from '@vigil/bus';
import { NotificationPushed, SOCKET_EVENTS } from '@vigil/contracts';
import { createTestEnvironment, eventually, RunningVigil, startEmbeddedVigil, TestEnvironment } from '@vigil/testing';
import { audienceInForce, jetStreamNotificationPublisher, SocketChannel } from '../../apps/notify/src/channels/socket';
import { aSocketDelivery, rulesWithConsoles } from '../../apps/notify/src/testing/socket-fixtures';

/** What one dashboard socket was pushed, in arrival order. */
interface TraySocket {
  socket: Socket;
  pushed: NotificationPushed[];
  /** The delivery ids it got, leaving out the warm-up's. */
  ids(): string[];
}

async function traySocket(url: string, token: string): Promise<TraySocket> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false });
  const pushed: NotificationPushed[] = [];
  socket.on(SOCKET_EVENTS.notificationPushed, (notification: NotificationPushed) => pushed.push(notification));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, pushed, ids: () => pushed.map((n) => n.deliveryId).filter((id) => !id.startsWith('warm-up')) };
}

// The whole of Vigil in this process, and notify's socket channel publishing as notify does: real NATS,
// the NOTIFICATIONS stream, the dashboard's feed and real socket.io clients signed in with each role's token.
describe("notifications on the consoles: each audience's sockets, and nobody else's", () => {
  let env: TestEnvironment;
  let vigil: RunningVigil;
  let nc: NatsConnection;
  let channel: SocketChannel;
  const sockets: Socket[] = [];
  const send = (deliveryId: string) => ({ deliveryId, attempt: 1, acknowledgeLinks: {} });

  const roles: Record<string, Principal> = {
    police: { subject: 'pc-tray', role: 'police' },
    operator: { subject: 'op-tray', role: 'operator' },
    supervisor: { subject: 'sup-tray', role: 'supervisor' },
    northHerts: { subject: 'nh-tray', role: 'partner', partnerId: 'north-herts' },
    stevenage: { subject: 'sbc-tray', role: 'partner', partnerId: 'stevenage' },
    contractor: { subject: 'eng-tray', role: 'contractor' },
  };
  const trays: Record<string, TraySocket> = {};

  beforeAll(async () => {
    env = await createTestEnvironment('notifypush');
    nc = await connect({ servers: env.natsUrl });
    const ns = new BusNamespace(env.namespace);
    // As notify would have on its start: the dashboard's feed follows the stream from its end.
    await provisionStreams(await nc.jetstreamManager(), ns, [STREAMS.notifications]);
    vigil = await startEmbeddedVigil(env.platform, env.ingest);
    channel = new SocketChannel({ publish: jetStreamNotificationPublisher(new EventPublisher(nc.jetstream(), ns, '/vigil/notify')), audienceOf: audienceInForce(rulesWithConsoles()) });
    for (const [name, principal] of Object.entries(roles)) {
      trays[name] = await traySocket(vigil.url, vigil.tokenFor(principal));
      sockets.push(trays[name].socket);
    }
    // The feed subscribes once the app has started; until then a notification would go unseen.
    let attempt = 0;
    await eventually(
      async () => {
        const id = `warm-up-${++attempt}`;
        expect(await channel.deliver(aSocketDelivery('police'), send(id))).toEqual({ ok: true });
        await eventually(() => expect(trays.police.pushed.map((n) => n.deliveryId)).toContain(id), { timeoutMs: 1_000 });
      },
      { timeoutMs: 20_000 },
    );
  });

  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await nc?.close();
    await vigil?.close();
    await env?.dispose();
  });

  it("gives police the police's, the control room also its own, and each partner and the contractor theirs alone", async () => {
    for (const receiver of ['police', 'north-herts-duty', 'contractor', 'supervisor']) {
      expect(await channel.deliver(aSocketDelivery(receiver), send(`d-${receiver}`))).toEqual({ ok: true });
    }
    // A last one to every audience: once a socket has its own, whatever was published before it has arrived, or never will.
    for (const receiver of ['police', 'north-herts-duty', 'stevenage-duty', 'contractor', 'supervisor']) {
      expect(await channel.deliver(aSocketDelivery(receiver), send(`end-${receiver}`))).toEqual({ ok: true });
    }

    await eventually(() => {
      expect(trays.police.ids()).toEqual(['d-police', 'end-police']);
      expect(trays.operator.ids()).toEqual(['d-police', 'd-supervisor', 'end-police', 'end-supervisor']);
      expect(trays.supervisor.ids()).toEqual(['d-police', 'd-supervisor', 'end-police', 'end-supervisor']);
      expect(trays.northHerts.ids()).toEqual(['d-north-herts-duty', 'end-north-herts-duty']);
      expect(trays.stevenage.ids()).toEqual(['end-stevenage-duty']);
      expect(trays.contractor.ids()).toEqual(['d-contractor', 'end-contractor']);
    });
  });

  it('pushes the whole notification, as the tray shows it, and a retried send once', async () => {
    await channel.deliver(aSocketDelivery('north-herts-duty'), send('d-retried'));
    await channel.deliver(aSocketDelivery('north-herts-duty'), { ...send('d-retried'), attempt: 2 });
    await channel.deliver(aSocketDelivery('north-herts-duty'), send('d-after-the-retry'));

    await eventually(() => expect(trays.northHerts.ids().slice(-2)).toEqual(['d-retried', 'd-after-the-retry']));
    expect(trays.northHerts.pushed.find((n) => n.deliveryId === 'd-retried')).toEqual({
      deliveryId: 'd-retried',
      receiver: 'north-herts-duty',
      audience: 'partner.north-herts',
      reason: 'first-notification',
      alerts: [
        expect.objectContaining({
          fingerprint: 'incident:5b7c0d7e',
          reference: 'INC-2026-000101',
          summary: 'Two males running out of Boots with stock',
          status: 'firing',
          handling: 'unacknowledged',
          labels: expect.objectContaining({ partner: 'north-herts', town: 'Hitchin Town Centre' }),
        }),
      ],
      sentAt: expect.any(String),
    });
  });
});
