import {
  BadRequestException,
  CallHandler,
  CanActivate,
  Controller,
  ExecutionContext,
  Injectable,
  INestApplication,
  Module,
  NestInterceptor,
  PipeTransform,
  Type,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, Payload } from '@nestjs/microservices';
import { AckPolicy, connect, nanos, NatsConnection } from 'nats';
import { Pool } from 'pg';
import { Observable, tap, throwError } from 'rxjs';
import { CallReceived } from '@vigil/contracts';
import { ObservabilityModule } from '@vigil/observability';
import { ensureDatabaseAndSchema } from '@vigil/db';
import { createTestEnvironment, eventually, sql, TestEnvironment } from '@vigil/testing';
import { decodeEvent } from '../decode-event';
import { EventPublisher } from '../event-publisher';
import { HandlerOutcome, Outcome } from '../handler-outcome';
import { InboundMessage } from '../inbound-message';
import { BusNamespace } from '../namespace';
import { BusModule } from '../nest/bus.module';
import { ProducedStreamsModule } from '../nest/produced-streams.module';
import { ConsumerDeclaration, STREAMS } from '../topology';
import { EventMessage } from './event-message';
import { JetStreamContext } from './jetstream.context';
import { OnEventBatch, OnEvents, OnRawMessages } from './on-event.decorator';
import { startConsumers } from './start-consumers';

/** A test consumer on its own corner of the gateway stream. */
function consumer(name: string, overrides: Partial<ConsumerDeclaration> = {}): ConsumerDeclaration {
  return { durable: name, stream: STREAMS.gateway.name, filterSubject: `gw.${name}.>`, maxDeliver: 3, ackWaitSeconds: 5, concurrency: 4, deliverPolicy: 'all', ...overrides };
}

const C = {
  throws: consumer('throws'),
  errors: consumer('errors'),
  guarded: consumer('guarded'),
  piped: consumer('piped'),
  intercepted: consumer('intercepted'),
  typed: { ...consumer('typed'), stream: STREAMS.calls.name, filterSubject: 'call.airwave.received' },
  batch: { ...consumer('batch'), stream: STREAMS.calls.name, filterSubject: 'call.alarm.received', ackWaitSeconds: 10 },
  slow: consumer('slow', { ackWaitSeconds: 1 }),
  later: consumer('later'),
};

/** What the handlers below saw, per consumer. */
const seen = new Map<string, unknown[]>();

/** The slow handler's work, finished by the test. */
const slowWork = (() => {
  let finish!: () => void;
  const promise = new Promise<void>((resolve) => (finish = resolve));
  return { promise, finish };
})();
function record(name: string, value: unknown): void {
  seen.set(name, [...(seen.get(name) ?? []), value]);
}

@Injectable()
class RefuseEverything implements CanActivate {
  canActivate(): boolean {
    return false;
  }
}

@Injectable()
class JsonBytes implements PipeTransform<InboundMessage> {
  transform(message: InboundMessage): InboundMessage {
    try {
      JSON.parse(new TextDecoder().decode(message.data));
    } catch {
      throw new BadRequestException('body is not JSON');
    }
    return message;
  }
}

@Injectable()
class WatchSubjects implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const subject = context.switchToRpc().getContext<JetStreamContext>().getSubject();
    return next.handle().pipe(tap((outcome) => record('interceptor', { subject, outcome })));
  }
}

@Controller()
class TestHandlers {
  @OnRawMessages(C.throws)
  async throws(message: InboundMessage): Promise<HandlerOutcome> {
    record('throws', message.deliveryCount);
    throw new Error('boom');
  }

  @OnRawMessages(C.errors)
  errors(message: InboundMessage): Observable<HandlerOutcome> {
    record('errors', message.deliveryCount);
    return throwError(() => new Error('observable boom'));
  }

  @UseGuards(RefuseEverything)
  @OnRawMessages(C.guarded)
  async guarded(message: InboundMessage): Promise<HandlerOutcome> {
    record('guarded', message.subject);
    return Outcome.done();
  }

  @OnRawMessages(C.piped)
  async piped(@Payload(JsonBytes) message: InboundMessage): Promise<HandlerOutcome> {
    record('piped', new TextDecoder().decode(message.data));
    return Outcome.done();
  }

  @UseInterceptors(WatchSubjects)
  @OnRawMessages(C.intercepted)
  async intercepted(): Promise<HandlerOutcome> {
    return Outcome.done('intercepted');
  }

  @OnEvents(C.typed, ['callReceived'])
  async typed(message: EventMessage<'callReceived'>): Promise<HandlerOutcome> {
    record('typed', message.envelope.data.summary);
    return Outcome.done();
  }

  @OnRawMessages(C.slow)
  async slow(@Payload() message: InboundMessage, @Ctx() context: JetStreamContext): Promise<HandlerOutcome> {
    record('slow', message.deliveryCount);
    context.working();
    // Long work: done when the test says so, after JetStream has let three ack waits pass.
    await slowWork.promise;
    return Outcome.done();
  }

  @OnRawMessages(C.later)
  async later(message: InboundMessage): Promise<HandlerOutcome> {
    record('later', { delivery: message.deliveryCount, at: Date.now() });
    return message.deliveryCount === 1 ? Outcome.retryAfter(2_000, 'peer said Retry-After: 2') : Outcome.done();
  }
}

@Controller()
class OneHandler {
  @OnRawMessages(C.throws)
  async first(): Promise<HandlerOutcome> {
    return Outcome.done();
  }
}

@Controller()
class AnotherHandler {
  @OnRawMessages(C.throws)
  async second(): Promise<HandlerOutcome> {
    return Outcome.done();
  }
}

/** Commits a batch of calls in one transaction, a savepoint per call so that one bad call rolls back alone. */
@Controller()
class BatchHandlers {
  static pool: Pool;

  @OnEventBatch(C.batch, ['callReceived'], { max: 200 })
  async take(calls: EventMessage<'callReceived'>[]): Promise<HandlerOutcome[]> {
    record('batch-sizes', calls.length);
    const client = await BatchHandlers.pool.connect();
    try {
      await client.query('BEGIN');
      const outcomes: HandlerOutcome[] = [];
      for (const call of calls) {
        await client.query('SAVEPOINT call');
        try {
          await client.query('INSERT INTO batch.taken (call_key, summary) VALUES ($1, $2)', [call.envelope.data.callKey, call.envelope.data.summary]);
          await client.query('RELEASE SAVEPOINT call');
          outcomes.push(Outcome.done());
        } catch (error) {
          await client.query('ROLLBACK TO SAVEPOINT call');
          outcomes.push(Outcome.reject(`not storable: ${(error as Error).message}`));
        }
      }
      await client.query('COMMIT');
      return outcomes;
    } finally {
      client.release();
    }
  }
}

// Real NATS JetStream under Nest's handler chain: errors never ack, guards and pipes refuse with a reason.
describe('JetStreamServer (Nest microservice transport) against JetStream', () => {
  let env: TestEnvironment;
  let nc: NatsConnection;
  let ns: BusNamespace;
  let publisher: EventPublisher;
  let app: INestApplication;

  async function appWith(...controllers: Type[]): Promise<INestApplication> {
    @Module({
      imports: [
        ObservabilityModule,
        BusModule.forRoot({ url: env.natsUrl, namespace: env.namespace, clientName: 'transport-test' }),
        ProducedStreamsModule.of('transport-test', [STREAMS.gateway, STREAMS.calls]),
      ],
      controllers,
    })
    class TestModule {}
    const created = await NestFactory.create(TestModule, { logger: false, abortOnError: false });
    await created.init();
    return created;
  }

  beforeAll(async () => {
    env = await createTestEnvironment('transport');
    ns = new BusNamespace(env.namespace);
    app = await appWith(TestHandlers);
    await startConsumers(app);
    nc = await connect({ servers: env.natsUrl });
    publisher = new EventPublisher(nc.jetstream(), ns, '/vigil/test');
  });

  afterAll(async () => {
    slowWork.finish(); // a failed slow-handler test must not leave its handler holding the shutdown
    await app?.close();
    await nc?.close();
    await env?.dispose();
  });

  async function deadLetters(rejectedBy: string): Promise<{ reason: string; deliveryAttempts: number }[]> {
    const jsm = await nc.jetstreamManager();
    const stream = ns.stream(STREAMS.deadLetters.name);
    const { state } = await jsm.streams.info(stream);
    const found = [];
    for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
      const decoded = decodeEvent((await jsm.streams.getMessage(stream, { seq })).data);
      if (decoded.ok && (decoded.envelope.data as { rejectedBy: string }).rejectedBy === rejectedBy) found.push(decoded.envelope.data as { reason: string; deliveryAttempts: number });
    }
    return found;
  }

  async function settled(declaration: ConsumerDeclaration) {
    const info = await (await nc.jetstreamManager()).consumers.info(ns.stream(declaration.stream), declaration.durable);
    return { pending: info.num_pending, ackPending: info.num_ack_pending, redelivered: info.num_redelivered };
  }

  async function oneDeadLetter(rejectedBy: string) {
    return eventually(async () => {
      const found = await deadLetters(rejectedBy);
      expect(found).toHaveLength(1);
      return found[0];
    }, { timeoutMs: 15_000 });
  }

  const bytes = (text: string) => new TextEncoder().encode(text);

  it('redelivers a message whose handler throws, never acks it, and dead-letters it after maxDeliver', async () => {
    await publisher.publishRaw('gw.throws.a', bytes('x'), 'throws-1');
    const letter = await oneDeadLetter('throws');
    expect(letter).toMatchObject({ reason: 'gave up after 3 attempts: handler failed: boom', deliveryAttempts: 3 });
    expect(seen.get('throws')).toEqual([1, 2, 3]);
  });

  it('treats an erroring Observable like a throw: redelivered, then dead-lettered', async () => {
    await publisher.publishRaw('gw.errors.a', bytes('x'), 'errors-1');
    const letter = await oneDeadLetter('errors');
    expect(letter).toMatchObject({ reason: 'gave up after 3 attempts: handler failed: observable boom', deliveryAttempts: 3 });
    expect(seen.get('errors')).toEqual([1, 2, 3]);
  });

  it('dead-letters at once, with the reason, a message a guard refuses; the handler never runs', async () => {
    await publisher.publishRaw('gw.guarded.a', bytes('x'), 'guarded-1');
    const letter = await oneDeadLetter('guarded');
    expect(letter).toMatchObject({ reason: 'refused: Forbidden resource', deliveryAttempts: 1 });
    expect(seen.get('guarded')).toBeUndefined();
  });

  it('runs pipes: a payload that fails validation is dead-lettered with the pipe\'s reason, a valid one handled', async () => {
    await publisher.publishRaw('gw.piped.a', bytes('not json'), 'piped-1');
    await publisher.publishRaw('gw.piped.a', bytes('{"ok":true}'), 'piped-2');
    const letter = await oneDeadLetter('piped');
    expect(letter).toMatchObject({ reason: 'invalid: body is not JSON', deliveryAttempts: 1 });
    await eventually(async () => expect(await settled(C.piped)).toEqual({ pending: 0, ackPending: 0, redelivered: 0 }));
    expect(seen.get('piped')).toEqual(['{"ok":true}']);
  });

  it('runs interceptors around the handler, with the JetStream context', async () => {
    await publisher.publishRaw('gw.intercepted.a', bytes('x'), 'intercepted-1');
    await eventually(async () => expect(await settled(C.intercepted)).toEqual({ pending: 0, ackPending: 0, redelivered: 0 }));
    expect(seen.get('interceptor')).toEqual([{ subject: 'gw.intercepted.a', outcome: { kind: 'done', reason: 'intercepted' } }]);
  });

  it('hands a typed handler the events it takes, and dead-letters another type on its subject with a reason', async () => {
    const now = new Date().toISOString();
    const call: CallReceived = {
      callKey: 'airwave:gw-t:1',
      source: 'Police Airwaves',
      sourceMessageId: '1',
      receivedAt: now,
      occurredAt: now,
      urgency: 'routine',
      summary: 'Fight outside the station',
      location: {},
      raw: null,
    };
    await publisher.publish('callReceived', call, { id: 'typed-call-1' });
    const stranger = publisher.envelope('deadLetter', { rejectedBy: 'x', origin: 'y', reason: 'z', rawBase64: '', receivedAt: new Date().toISOString(), deliveryAttempts: 1 }, { id: 'typed-stranger-1' });
    await publisher.publishEnvelope(stranger, 'call.airwave.received');
    const letter = await oneDeadLetter('typed');
    expect(letter.reason).toBe('event type "vigil.dead-letter.recorded" is not taken by consumer typed (takes vigil.call.received)');
    await eventually(() => expect(seen.get('typed')).toEqual(['Fight outside the station']));
  });

  it("keeps a slow handler's message in hand: three ack waits pass, one delivery, acked at the end", async () => {
    // The clock is JetStream's own: a plain consumer with the same ack wait that never acks is
    // redelivered once per ack wait, so its fourth delivery means three ack waits have passed.
    const jsm = await nc.jetstreamManager();
    const stream = ns.stream(STREAMS.gateway.name);
    await jsm.consumers.add(stream, { durable_name: 'ack-wait-clock', filter_subject: ns.subject('gw.clock.>'), ack_policy: AckPolicy.Explicit, ack_wait: nanos(C.slow.ackWaitSeconds * 1_000) });
    const clock = await nc.jetstream().consumers.get(stream, 'ack-wait-clock');
    await publisher.publishRaw('gw.clock.tick', bytes('tick'), 'clock-1');
    await publisher.publishRaw('gw.slow.a', bytes('x'), 'slow-1');
    await eventually(() => expect(seen.get('slow')).toEqual([1]));

    await eventually(async () => expect((await clock.next({ expires: 5_000 }))?.info.deliveryCount).toBeGreaterThanOrEqual(4), { timeoutMs: 15_000, intervalMs: 0 });
    expect(await settled(C.slow)).toEqual({ pending: 0, ackPending: 1, redelivered: 0 });
    slowWork.finish();
    await eventually(async () => expect(await settled(C.slow)).toEqual({ pending: 0, ackPending: 0, redelivered: 0 }));
    expect(seen.get('slow')).toEqual([1]);
  });

  it('honours a handler\'s retryAfter: the next delivery comes no sooner than asked', async () => {
    await publisher.publishRaw('gw.later.a', bytes('x'), 'later-1');
    await eventually(() => expect(seen.get('later')).toHaveLength(2), { timeoutMs: 10_000 });
    const [first, second] = seen.get('later') as { delivery: number; at: number }[];
    expect([first.delivery, second.delivery]).toEqual([1, 2]);
    expect(second.at - first.at).toBeGreaterThanOrEqual(2_000);
    await eventually(async () => expect(await settled(C.later)).toMatchObject({ pending: 0, ackPending: 0 }));
  });

  it('hands a batch handler 200 waiting calls in a batch or two (not one by one), acks them after its commit and dead-letters the one it rejected', async () => {
    await ensureDatabaseAndSchema(env.databaseUrl, 'batch');
    // The check refuses one call inside the transaction: its savepoint rolls back, the others commit.
    await sql(env.databaseUrl, "CREATE TABLE batch.taken (call_key text PRIMARY KEY, summary text NOT NULL CHECK (summary <> 'unstorable'))");
    BatchHandlers.pool = new Pool({ connectionString: env.databaseUrl, max: 2 });
    const now = new Date().toISOString();
    const calls = Array.from({ length: 200 }, (_, i): CallReceived => ({
      callKey: `alarm:batch:${i}`,
      source: 'Alarm',
      sourceMessageId: String(i),
      receivedAt: now,
      occurredAt: now,
      urgency: 'routine',
      summary: i === 117 ? 'unstorable' : `Alarm ${i}`,
      location: {},
      raw: null,
    }));
    // Stored before the consumer starts, so that its first pull finds the whole batch waiting.
    await Promise.all(calls.map((call) => publisher.publish('callReceived', call, { id: `batch-${call.callKey}` })));
    const batchApp = await appWith(BatchHandlers);
    try {
      await startConsumers(batchApp);
      await eventually(async () => expect(await settled(C.batch)).toEqual({ pending: 0, ackPending: 0, redelivered: 0 }), { timeoutMs: 15_000 });
      // One batch as a rule; two when the backlog reaches the process in two socket reads far enough apart.
      const sizes = seen.get('batch-sizes') as number[];
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(200);
      expect(sizes.length).toBeLessThanOrEqual(2);
      const [{ n }] = await sql<{ n: number }>(env.databaseUrl, 'SELECT count(*)::int AS n FROM batch.taken');
      expect(n).toBe(199);
      const letter = await oneDeadLetter('batch');
      expect(letter.reason).toMatch(/^not storable: new row for relation "taken" violates check constraint/);
    } finally {
      await batchApp.close();
      await BatchHandlers.pool.end();
    }
  });

  it('refuses to start with two handlers on one consumer', async () => {
    const twice = await appWith(OneHandler, AnotherHandler);
    try {
      await expect(startConsumers(twice)).rejects.toThrow('two handlers for consumer "throws": a consumer has exactly one handler');
    } finally {
      await twice.close();
    }
  });
});
