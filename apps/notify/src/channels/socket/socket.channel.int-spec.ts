import { ConsoleLogger, Logger, LoggerService } from '@nestjs/common';
import { connect, NatsConnection, StoredMsg } from 'nats';
import { BusNamespace, EventPublisher, provisionStreams, STREAMS } from '@vigil/bus';
import { Envelope, NotificationPushed } from '@vigil/contracts';
import { createTestEnvironment, TestEnvironment } from '@vigil/testing';
import { decideRetry, DEFAULT_RETRY_POLICY, DeliveryResult } from '../../domain';
import { aSocketDelivery as aDelivery, rulesWithConsoles } from '../../testing/socket-fixtures';
import { audienceInForce, jetStreamNotificationPublisher } from './socket-channel.parts';
import { SocketChannel } from './socket.channel';

/**
 * The socket channel against the local JetStream, wired as notify wires it (EventPublisher, the
 * routing rules in force), in a namespace of its own. Real: NATS, the stream, its duplicate window.
 */
const SENT_AT = new Date('2026-11-28T23:00:00Z');

const send = (deliveryId: string, acknowledgeLinks: Record<string, string> = {}) => ({ deliveryId, attempt: 1, acknowledgeLinks });
const retryAdvice = (result: DeliveryResult) => decideRetry(result, 1, new Date(), new Date(), DEFAULT_RETRY_POLICY);

describe('SocketChannel against JetStream', () => {
  let env: TestEnvironment;
  let nc: NatsConnection;
  let ns: BusNamespace;
  let channel: SocketChannel;
  const routing = rulesWithConsoles();

  // What the channel logs, kept here rather than printed, so a case can look at it.
  const logged: string[] = [];
  const keep = (message: unknown) => void logged.push(JSON.stringify(message));
  const collector: LoggerService = { log: keep, warn: keep, error: keep, debug: keep, verbose: keep, fatal: keep };

  /** A channel publishing through `connection` into `namespace`, as notify's providers build it. */
  function channelOn(connection: NatsConnection, namespace: BusNamespace, timeoutMs?: number): SocketChannel {
    const publisher = new EventPublisher(connection.jetstream(), namespace, '/vigil/notify');
    return new SocketChannel({ publish: jetStreamNotificationPublisher(publisher), audienceOf: audienceInForce(routing), timeoutMs, now: () => SENT_AT });
  }

  async function stored(): Promise<StoredMsg[]> {
    const jsm = await nc.jetstreamManager();
    const stream = ns.stream(STREAMS.notifications.name);
    const { state } = await jsm.streams.info(stream);
    const messages: StoredMsg[] = [];
    for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq++) messages.push(await jsm.streams.getMessage(stream, { seq }));
    return messages;
  }

  const envelopeOf = (message: StoredMsg) => message.json<Envelope<NotificationPushed>>();

  beforeAll(async () => {
    Logger.overrideLogger(collector);
    env = await createTestEnvironment('socketchan');
    nc = await connect({ servers: env.natsUrl });
    ns = new BusNamespace(env.namespace);
    await provisionStreams(await nc.jetstreamManager(), ns, [STREAMS.notifications]);
    channel = channelOn(nc, ns);
  });

  beforeEach(async () => {
    logged.length = 0;
    await (await nc.jetstreamManager()).streams.purge(ns.stream(STREAMS.notifications.name));
  });

  afterAll(async () => {
    Logger.overrideLogger(new ConsoleLogger());
    await nc?.close();
    await env?.dispose();
  });

  it('is delivered once JetStream stored the notification on notification.police, a CloudEvent whose id is the delivery id', async () => {
    const result = await channel.deliver(aDelivery('police'), send('d-police-1', { 'incident:5b7c0d7e': 'https://vigil.example/ack/abc' }));

    expect(result).toEqual({ ok: true });
    const [message, ...more] = await stored();
    expect(more).toEqual([]);
    expect(message.subject).toBe(ns.subject('notification.police'));
    expect(message.header.get('Nats-Msg-Id')).toBe('d-police-1');
    const envelope = envelopeOf(message);
    expect(envelope).toMatchObject({ id: 'd-police-1', type: 'vigil.notification.pushed', source: '/vigil/notify' });
    expect(envelope.data).toEqual({
      deliveryId: 'd-police-1',
      receiver: 'police',
      audience: 'police',
      reason: 'first-notification',
      alerts: [
        expect.objectContaining({
          fingerprint: 'incident:5b7c0d7e',
          kind: 'incident',
          reference: 'INC-2026-000101',
          summary: 'Two males running out of Boots with stock',
          status: 'firing',
          handling: 'unacknowledged',
          labels: expect.objectContaining({ partner: 'north-herts', town: 'Hitchin Town Centre', grade: '3' }),
          acknowledgeUrl: 'https://vigil.example/ack/abc',
        }),
      ],
      sentAt: SENT_AT.toISOString(),
    });
  });

  it.each([
    ['north-herts-duty', 'notification.partner.north-herts', 'partner.north-herts'],
    ['supervisor', 'notification.control-room', 'control-room'],
    ['contractor', 'notification.contractor', 'contractor'],
  ])("puts %s's notification on %s, for its audience alone", async (receiver, subject, audience) => {
    expect(await channel.deliver(aDelivery(receiver), send(`d-${receiver}`))).toEqual({ ok: true });

    const [message] = await stored();
    expect(message.subject).toBe(ns.subject(subject));
    expect(envelopeOf(message).data.audience).toBe(audience);
  });

  it('stores a retried send of the same delivery once, and says delivered both times', async () => {
    expect(await channel.deliver(aDelivery('police'), send('d-retried'))).toEqual({ ok: true });
    expect(await channel.deliver(aDelivery('police'), { ...send('d-retried'), attempt: 2 })).toEqual({ ok: true });
    expect(await channel.deliver(aDelivery('police'), send('d-another'))).toEqual({ ok: true });

    expect((await stored()).map((message) => envelopeOf(message).id)).toEqual(['d-retried', 'd-another']);
  });

  it('a stream not provisioned yet (no responders) is worth retrying', async () => {
    const nowhere = channelOn(nc, new BusNamespace(`${env.namespace}-nostream`));

    const result = await nowhere.deliver(aDelivery('police'), send('d-nowhere'));

    expect(result).toMatchObject({ ok: false, recoverable: true, message: expect.stringMatching(/503|no responders/i) });
    expect(retryAdvice(result)).toMatchObject({ action: 'retry', reason: 'recoverable-failure' });
  });

  it('no acknowledgement within the time allowed is worth retrying', async () => {
    // A subscriber that never answers where the stream would be: the publish hears nothing back.
    const silent = new BusNamespace(`${env.namespace}-silent`);
    const sink = nc.subscribe(silent.subject('notification.>'));
    try {
      const result = await channelOn(nc, silent, 300).deliver(aDelivery('police'), send('d-silent'));

      expect(result).toEqual({ ok: false, recoverable: true, message: 'TIMEOUT: JetStream did not acknowledge within 300 ms' });
      expect(retryAdvice(result)).toMatchObject({ action: 'retry' });
    } finally {
      sink.unsubscribe();
    }
  });

  it('a closed NATS connection is worth retrying', async () => {
    const closed = await connect({ servers: env.natsUrl });
    await closed.close();

    const result = await channelOn(closed, ns).deliver(aDelivery('police'), send('d-closed'));

    expect(result).toMatchObject({ ok: false, recoverable: true, message: expect.stringMatching(/closed/i) });
    expect(await stored()).toEqual([]);
  });

  it('a receiver no longer in the rules is a dead letter, and nothing is published', async () => {
    const result = await channel.deliver(aDelivery('gone-since-the-last-edit'), send('d-gone'));

    expect(result).toEqual({ ok: false, recoverable: false, message: 'receiver gone-since-the-last-edit is not in the routing rules in force' });
    expect(retryAdvice(result)).toEqual({ action: 'dead-letter', reason: 'unrecoverable' });
    expect(await stored()).toEqual([]);
  });

  it('pushes nothing when no alert is left to show (only resolutions, not told to this channel)', async () => {
    expect(await channel.deliver(aDelivery('police', []), send('d-empty'))).toEqual({ ok: true });
    expect(await stored()).toEqual([]);
  });

  it('logs who was told, the audience and how it went, never the alerts', async () => {
    await channelOn(nc, new BusNamespace(`${env.namespace}-nostream`)).deliver(aDelivery('north-herts-duty'), send('d-log-1'));
    await channel.deliver(aDelivery('north-herts-duty'), send('d-log-2'));

    expect(logged).toEqual([expect.stringContaining('"msg":"notification not pushed"'), expect.stringContaining('"msg":"notification pushed"')]);
    expect(logged.join('\n')).toContain('"audience":"partner.north-herts"');
    for (const line of logged) {
      expect(line).not.toContain('INC-2026-000101');
      expect(line).not.toContain('Boots');
    }
  });
});
