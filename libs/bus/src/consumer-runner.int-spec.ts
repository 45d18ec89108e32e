import { connect, NatsConnection } from 'nats';
import { Pool } from 'pg';
import { ensureDatabaseAndSchema } from '@vigil/db';
import { createTestEnvironment, eventually, sql, TcpProxy, TestEnvironment } from '@vigil/testing';
import { ConsumerRunner, MessageHandler } from './consumer-runner';
import { DeadLetterer } from './dead-letterer';
import { decodeEvent } from './decode-event';
import { DependencyWaits } from './dependency-waits';
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

  async function run(name: string, handler: MessageHandler, maxDeliver = 3, waits?: DependencyWaits): Promise<ConsumerDeclaration> {
    const declaration: ConsumerDeclaration = {
      durable: name,
      stream: STREAMS.gateway.name,
      filterSubject: `gw.${name}.>`,
      maxDeliver,
      ackWaitSeconds: 5,
      concurrency: 4,
      deliverPolicy: 'all',
    };
    await provisionConsumers(await nc.jetstreamManager(), ns, [declaration]);
    const runner = new ConsumerRunner(nc.jetstream(), ns, declaration, handler, new DeadLetterer(publisher), log, { serverVersion: () => nc.info?.version, waits });
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

  it('takes a backlog larger than its slots in batches of at most max, no more than parallel at once, and settles every message', async () => {
    const sizes: number[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const declaration = await run('backlog', {
      decode: 'batch',
      batch: { max: 20, parallel: 2 },
      handle: async (messages) => {
        sizes.push(messages.length);
        mostAtOnce = Math.max(mostAtOnce, ++running);
        // Still running when the next batch could start: what `parallel` must bound.
        await new Promise((resolve) => setImmediate(resolve));
        running--;
        return messages.map(() => Outcome.done());
      },
    });
    const js = nc.jetstream();
    await Promise.all(Array.from({ length: 200 }, (_, i) => js.publish(ns.subject(`gw.backlog.${i}`), new TextEncoder().encode(String(i)))));

    await eventually(async () => expect(await pending(declaration)).toEqual({ unprocessed: 0, unacked: 0 }));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(200);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(20);
    expect(mostAtOnce).toBeLessThanOrEqual(2);
  });

  it('redelivers after a handler error that is not an outage, with the delivery count rising', async () => {
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

  it('terminates a rejected message on this server: dead-lettered once, nothing pending, never redelivered', async () => {
    let calls = 0;
    const declaration = await run('terminate', {
      decode: 'raw',
      handle: async () => {
        calls++;
        return Outcome.reject('not a call: missing text');
      },
    });
    await publisher.publishRaw('gw.terminate.a', new TextEncoder().encode('bad'), 'terminate-1');
    // Well inside the 5 s ack wait: a term the server ignored would still hold the message as pending.
    await eventually(
      async () => {
        expect(await deadLetters('terminate')).toHaveLength(1);
        const info = await (await nc.jetstreamManager()).consumers.info(ns.stream(declaration.stream), declaration.durable);
        expect({ pending: info.num_pending, ackPending: info.num_ack_pending, redelivered: info.num_redelivered }).toEqual({ pending: 0, ackPending: 0, redelivered: 0 });
      },
      { timeoutMs: 3_000 },
    );
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

  it('holds messages through a database outage longer than the retry budget, spending no delivery, then processes each once', async () => {
    await ensureDatabaseAndSchema(env.databaseUrl, 'runner');
    await sql(env.databaseUrl, 'CREATE TABLE runner.taken (key text PRIMARY KEY)');
    const proxy = await TcpProxy.start(5432);
    const pool = new Pool({ connectionString: proxy.url(env.databaseUrl), max: 4 });
    pool.on('error', () => undefined); // idle clients die with the cut; the next query says so
    const attempts = new Map<string, number>();
    const deliveries: number[] = [];
    const waits = new DependencyWaits();
    try {
      // maxDeliver 3: the nak budget is 250 ms + 1 s, far shorter than the outage below.
      const declaration = await run(
        'outage',
        {
          decode: 'raw',
          handle: async (m) => {
            const key = new TextDecoder().decode(m.data);
            attempts.set(key, (attempts.get(key) ?? 0) + 1);
            deliveries.push(m.deliveryCount);
            await pool.query('INSERT INTO runner.taken (key) VALUES ($1)', [key]);
            return Outcome.done();
          },
        },
        3,
        waits,
      );
      await proxy.cut();
      const keys = Array.from({ length: 10 }, (_, i) => `call-${i}`);
      for (const key of keys) await publisher.publishRaw('gw.outage.a', new TextEncoder().encode(key), `outage-${key}`);

      // The outage lasts until a held message has been tried more often than maxDeliver allows deliveries.
      await eventually(() => expect(Math.max(0, ...attempts.values())).toBeGreaterThan(5), { timeoutMs: 20_000 });
      expect(waits.current()).toEqual([{ dependency: 'postgres', consumers: ['outage'], reason: expect.stringContaining('ECONNREFUSED') }]);
      await proxy.open();

      await eventually(async () => {
        const rows = await sql<{ key: string }>(env.databaseUrl, 'SELECT key FROM runner.taken ORDER BY key');
        expect(rows.map((r) => r.key)).toEqual([...keys].sort());
      }, { timeoutMs: 20_000 });
      const info = await (await nc.jetstreamManager()).consumers.info(ns.stream(declaration.stream), declaration.durable);
      expect({ pending: info.num_pending, ackPending: info.num_ack_pending, redelivered: info.num_redelivered }).toEqual({ pending: 0, ackPending: 0, redelivered: 0 });
      expect(new Set(deliveries)).toEqual(new Set([1]));
      expect(await deadLetters('outage')).toEqual([]);
      expect(waits.current()).toEqual([]);
    } finally {
      await pool.end();
      await proxy.cut();
    }
  });

  it('keeps pulling after the broker connection drops and comes back', async () => {
    const broker = await TcpProxy.start(4222);
    const viaProxy = await connect({ servers: broker.url(env.natsUrl), reconnectTimeWait: 250, maxReconnectAttempts: -1 });
    const seen: string[] = [];
    const declaration: ConsumerDeclaration = { durable: 'reconnect', stream: STREAMS.gateway.name, filterSubject: 'gw.reconnect.>', maxDeliver: 3, ackWaitSeconds: 5, concurrency: 4, deliverPolicy: 'all' };
    await provisionConsumers(await nc.jetstreamManager(), ns, [declaration]);
    const runner = new ConsumerRunner(viaProxy.jetstream(), ns, declaration, {
      decode: 'raw',
      handle: async (m) => {
        seen.push(new TextDecoder().decode(m.data));
        return Outcome.done();
      },
    }, new DeadLetterer(publisher), log, { serverVersion: () => viaProxy.info?.version });
    try {
      await runner.start();
      await publisher.publishRaw('gw.reconnect.a', new TextEncoder().encode('before'), 'reconnect-1');
      await eventually(() => expect(seen).toEqual(['before']));
      await broker.cut();
      await publisher.publishRaw('gw.reconnect.a', new TextEncoder().encode('during'), 'reconnect-2');
      await broker.open();
      await publisher.publishRaw('gw.reconnect.a', new TextEncoder().encode('after'), 'reconnect-3');
      await eventually(() => expect([...seen].sort()).toEqual(['after', 'before', 'during']), { timeoutMs: 20_000 });
      expect(await pending(declaration)).toEqual({ unprocessed: 0, unacked: 0 });
    } finally {
      await runner.stop();
      await viaProxy.close();
      await broker.cut();
    }
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
    const declaration: ConsumerDeclaration = { durable: 'reprovision', stream: STREAMS.gateway.name, filterSubject: 'gw.re.>', maxDeliver: 3, ackWaitSeconds: 5, concurrency: 1, deliverPolicy: 'all' };
    await provisionConsumers(jsm, ns, [declaration]);
    await provisionConsumers(jsm, ns, [{ ...declaration, maxDeliver: 7 }]);
    await provisionStreams(jsm, ns, Object.values(STREAMS));
    expect((await jsm.consumers.info(ns.stream(STREAMS.gateway.name), 'reprovision')).config.max_deliver).toBe(7);
  });

  it('starts a "new" consumer at messages published after it was created, and keeps its position when provisioned again', async () => {
    const jsm = await nc.jetstreamManager();
    await publisher.publishRaw('gw.fresh.a', new TextEncoder().encode('before'), 'fresh-1');
    const declaration: ConsumerDeclaration = { durable: 'fresh', stream: STREAMS.gateway.name, filterSubject: 'gw.fresh.>', maxDeliver: 3, ackWaitSeconds: 5, concurrency: 1, deliverPolicy: 'new' };
    await provisionConsumers(jsm, ns, [declaration]);
    await provisionConsumers(jsm, ns, [{ ...declaration, deliverPolicy: 'all', maxDeliver: 5 }]);
    const info = await jsm.consumers.info(ns.stream(STREAMS.gateway.name), 'fresh');
    expect({ pending: info.num_pending, deliverPolicy: info.config.deliver_policy, maxDeliver: info.config.max_deliver }).toEqual({ pending: 0, deliverPolicy: 'new', maxDeliver: 5 });
    await publisher.publishRaw('gw.fresh.a', new TextEncoder().encode('after'), 'fresh-2');
    await eventually(async () => expect((await jsm.consumers.info(ns.stream(STREAMS.gateway.name), 'fresh')).num_pending).toBe(1));
  });
});
