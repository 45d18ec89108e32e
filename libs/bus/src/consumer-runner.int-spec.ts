import { connect, NatsConnection } from 'nats';
import { createTestEnvironment, eventually, TestEnvironment } from '@vigil/testing';
import { ConsumerRunner, MessageHandler } from './consumer-runner';
import { DeadLetterer } from './dead-letterer';
import { decodeEvent } from './decode-event';
import { EventPublisher } from './event-publisher';
import { HandlerOutcome, Outcome } from './handler-outcome';
import { BusNamespace } from './namespace';
import { provisionConsumers, provisionStreams } from './provision';
import { ConsumerDeclaration, STREAMS } from './topology';

// Real NATS JetStream: the runner's mapping from outcomes to ack / nak / term + dead letter.
describe('ConsumerRunner against JetStream', () => {
  let env: TestEnvironment;
  let nc: NatsConnection;
  let ns: BusNamespace;
  let publisher: EventPublisher;
  const runners: ConsumerRunner[] = [];
  const log = { warn: () => undefined, error: () => undefined };

  beforeAll(async () => {
    env = await createTestEnvironment('runner');
    nc = await connect({ servers: env.natsUrl });
    ns = new BusNamespace(env.namespace);
    await provisionStreams(await nc.jetstreamManager(), ns, Object.values(STREAMS));
    publisher = new EventPublisher(nc.jetstream(), ns, '/vigil/test');
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
  });

  afterAll(async () => {
    await nc?.close();
    await env?.dispose();
  });

  async function run(name: string, handler: MessageHandler, maxDeliver = 3): Promise<ConsumerDeclaration> {
    const declaration: ConsumerDeclaration = {
      durable: name,
      stream: STREAMS.gateway.name,
      filterSubject: `gw.${name}.>`,
      maxDeliver,
      ackWaitSeconds: 5,
      concurrency: 4,
    };
    await provisionConsumers(await nc.jetstreamManager(), ns, [declaration]);
    const runner = new ConsumerRunner(nc.jetstream(), ns, declaration, handler, new DeadLetterer(publisher), log);
    await runner.start();
    runners.push(runner);
    return declaration;
  }

  async function pending(declaration: ConsumerDeclaration) {
    const info = await (await nc.jetstreamManager()).consumers.info(ns.stream(declaration.stream), declaration.durable);
    return { unprocessed: info.num_pending, unacked: info.num_ack_pending };
  }

  async function deadLetters(rejectedBy: string) {
    const jsm = await nc.jetstreamManager();
    const stream = ns.stream(STREAMS.deadLetters.name);
    const { state } = await jsm.streams.info(stream);
    const found = [];
    for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
      const decoded = decodeEvent((await jsm.streams.getMessage(stream, { seq })).data);
      if (decoded.ok && (decoded.envelope.data as { rejectedBy: string }).rejectedBy === rejectedBy) found.push(decoded.envelope.data);
    }
    return found;
  }

  it('acks a message once the handler is done, and gives the handler the contract subject', async () => {
    const seen: string[] = [];
    const declaration = await run('done', {
      decode: 'raw',
      handle: async (m) => {
        seen.push(m.subject);
        return Outcome.done();
      },
    });
    await publisher.publishRaw('gw.done.a', new TextEncoder().encode('{}'), 'done-1');
    await eventually(async () => expect(await pending(declaration)).toEqual({ unprocessed: 0, unacked: 0 }));
    expect(seen).toEqual(['gw.done.a']);
  });

  it('redelivers after a transient failure, with the delivery count rising', async () => {
    const attempts: number[] = [];
    const declaration = await run('flaky', {
      decode: 'raw',
      handle: async (m): Promise<HandlerOutcome> => {
        attempts.push(m.deliveryCount);
        if (m.deliveryCount === 1) throw new Error('database unavailable');
        return Outcome.done();
      },
    });
    await publisher.publishRaw('gw.flaky.a', new TextEncoder().encode('x'), 'flaky-1');
    await eventually(() => expect(attempts).toEqual([1, 2]));
    await eventually(async () => expect(await pending(declaration)).toEqual({ unprocessed: 0, unacked: 0 }));
    expect(await deadLetters('flaky')).toEqual([]);
  });

  it('dead-letters a rejected message with its reason and raw bytes, once', async () => {
    let calls = 0;
    await run('reject', {
      decode: 'raw',
      handle: async () => {
        calls++;
        return Outcome.reject('not a call: missing text');
      },
    });
    await publisher.publishRaw('gw.reject.a', new TextEncoder().encode('raw-bytes'), 'reject-1');
    const letters = await eventually(async () => {
      const found = await deadLetters('reject');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(letters[0]).toMatchObject({
      rejectedBy: 'reject',
      origin: 'nats:gw.reject.a',
      reason: 'not a call: missing text',
      rawBase64: Buffer.from('raw-bytes').toString('base64'),
      deliveryAttempts: 1,
    });
    expect(calls).toBe(1);
  });

  it('dead-letters a message that keeps failing once maxDeliver is reached', async () => {
    const attempts: number[] = [];
    await run(
      'exhaust',
      {
        decode: 'raw',
        handle: async (m) => {
          attempts.push(m.deliveryCount);
          return Outcome.retry('peer timeout');
        },
      },
      2,
    );
    await publisher.publishRaw('gw.exhaust.a', new TextEncoder().encode('x'), 'exhaust-1');
    const letters = await eventually(async () => {
      const found = await deadLetters('exhaust');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(letters[0]).toMatchObject({ reason: 'gave up after 2 attempts: peer timeout', deliveryAttempts: 2 });
    expect(attempts).toEqual([1, 2]);
  });

  it('rejects bytes that are not a valid event before the handler sees them', async () => {
    let handled = 0;
    await run('events', {
      decode: 'event',
      handle: async () => {
        handled++;
        return Outcome.done();
      },
    });
    await publisher.publishRaw('gw.events.a', new TextEncoder().encode('{"specversion":"1.0"}'), 'events-1');
    const letters = await eventually(async () => {
      const found = await deadLetters('events');
      expect(found).toHaveLength(1);
      return found;
    });
    expect((letters[0] as { reason: string }).reason).toMatch(/^not a CloudEvents envelope: /);
    expect(handled).toBe(0);
  });

  it('drops a republished event with the same id (Nats-Msg-Id de-duplication)', async () => {
    const first = await publisher.publishRaw('gw.dedupe.a', new TextEncoder().encode('1'), 'same-id');
    const second = await publisher.publishRaw('gw.dedupe.a', new TextEncoder().encode('1'), 'same-id');
    expect(first.duplicate).toBe(false);
    expect(second).toEqual({ streamSeq: first.streamSeq, duplicate: true });
  });

  it('provisions add-or-update: running it again with a changed setting updates the consumer', async () => {
    const jsm = await nc.jetstreamManager();
    const declaration: ConsumerDeclaration = { durable: 'reprovision', stream: STREAMS.gateway.name, filterSubject: 'gw.re.>', maxDeliver: 3, ackWaitSeconds: 5, concurrency: 1 };
    await provisionConsumers(jsm, ns, [declaration]);
    await provisionConsumers(jsm, ns, [{ ...declaration, maxDeliver: 7 }]);
    await provisionStreams(jsm, ns, Object.values(STREAMS));
    expect((await jsm.consumers.info(ns.stream(STREAMS.gateway.name), 'reprovision')).config.max_deliver).toBe(7);
  });
});
