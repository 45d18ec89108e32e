import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler as NestHandler, Server } from '@nestjs/microservices';
import { HealthRegistry } from '@vigil/observability';
import { ConsumerRunner, MessageHandler } from '../consumer-runner';
import { DeadLetterer } from '../dead-letterer';
import { DependencyWaits } from '../dependency-waits';
import { HandlerOutcome, Outcome } from '../handler-outcome';
import { InboundMessage } from '../inbound-message';
import { BusConnection } from '../nest/bus-connection';
import { provisionConsumers } from '../provision';
import { STREAMS } from '../topology';
import { HandlerRoute, routeOf } from './handler-route';
import { JetStreamContext } from './jetstream.context';
import { JetStreamDeserializer } from './jetstream.deserializer';
import { JetStreamBatchContext } from './jetstream-batch.context';
import { outcomeOfResult, outcomesOfBatchResult } from './outcome-of-result';

/** What the transport uses of the app it serves. */
export interface JetStreamServerDeps {
  bus: BusConnection;
  deadLetterer: DeadLetterer;
  waits: DependencyWaits;
  health: HealthRegistry;
}

/**
 * JetStream as a Nest microservice transport: each `@OnEvents` / `@OnRawMessages` handler is one
 * durable pull consumer, provisioned by the app that declares it and run by a {@link ConsumerRunner},
 * which keeps "ack only after the handler is done" underneath Nest's handler chain.
 */
export class JetStreamServer extends Server implements CustomTransportStrategy {
  private readonly runners: ConsumerRunner[] = [];
  private readonly routes = new Map<string, HandlerRoute>();
  private readonly consuming = new JetStreamDeserializer();
  protected override readonly logger = new Logger('Consumers');

  constructor(private readonly deps: JetStreamServerDeps) {
    super();
  }

  /**
   * Nest chains a second event handler on the same pattern and runs both on every message; on a
   * consumer that would ack a message one handler failed. One consumer, one handler: refuse it.
   */
  override addHandler(pattern: unknown, callback: NestHandler, isEventHandler = false, extras: Record<string, unknown> = {}): void {
    const name = this.normalizePattern(pattern as string);
    if (!isEventHandler) throw new Error(`@MessagePattern("${name}") cannot run on JetStream: consumers take events, declare them with @OnEvents`);
    if (this.routes.has(name)) throw new Error(`two handlers for consumer "${name}": a consumer has exactly one handler (it alone decides each message's ack)`);
    this.routes.set(name, routeOf(name, extras));
    super.addHandler(pattern, callback, true, extras);
  }

  /** Provisions this app's consumers (add-or-update) and starts one runner per handler. */
  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      this.registerReadiness();
      const { bus } = this.deps;
      const declared = [...this.routes.values()].map((r) => r.consumer);
      // Every consumer may dead-letter, so an app that consumes makes sure the dead-letter stream is there.
      if (declared.length > 0) await bus.provisionStreams([STREAMS.deadLetters]);
      for (const stream of new Set(declared.map((c) => c.stream))) await bus.waitForStream(stream);
      await provisionConsumers(await bus.nc.jetstreamManager(), bus.ns, declared);
      for (const [name, route] of this.routes) await this.start(route, this.getHandlerByPattern(name)!);
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Stops pulling and waits for the messages in hand to be settled. */
  async close(): Promise<void> {
    await Promise.all(this.runners.splice(0).map((runner) => runner.stop()));
  }

  /** The transport emits no events of its own. */
  on(): void {
    throw new Error('JetStreamServer emits no events; watch the NATS connection through BusConnection');
  }

  /** The one NATS connection this transport shares with the rest of the process. */
  unwrap<T>(): T {
    return this.deps.bus.nc as T;
  }

  private async start(route: HandlerRoute, handler: NestHandler): Promise<void> {
    const { bus, deadLetterer, waits } = this.deps;
    const log = {
      warn: (fields: Record<string, unknown>) => this.logger.warn(fields),
      error: (fields: Record<string, unknown>) => this.logger.error(fields),
    };
    const runner = new ConsumerRunner(bus.js, bus.ns, route.consumer, this.runnerHandler(route, handler), deadLetterer, log, {
      serverVersion: () => bus.nc.info?.version,
      waits,
    });
    await runner.start();
    this.runners.push(runner);
    this.logger.log({ msg: 'consuming', consumer: route.consumer.durable, subject: route.consumer.filterSubject });
  }

  private runnerHandler(route: HandlerRoute, handler: NestHandler): MessageHandler {
    if (route.batch) {
      return { decode: 'batch', batch: route.batch, handle: (messages) => this.handleBatch(route, handler, messages) };
    }
    return {
      decode: 'raw',
      handle: async (message) => {
        const payload = this.consuming.deserialize(message, route);
        if (!payload.ok) return Outcome.reject(payload.reason);
        return outcomeOfResult(handler(payload.data, new JetStreamContext([message])));
      },
    };
  }

  /** Refuses what the consumer does not take, and hands the rest to the handler in one call. */
  private async handleBatch(route: HandlerRoute, handler: NestHandler, messages: InboundMessage[]): Promise<HandlerOutcome[]> {
    const outcomes: HandlerOutcome[] = [];
    const taken: { index: number; data: unknown }[] = [];
    messages.forEach((message, index) => {
      const payload = this.consuming.deserialize(message, route);
      if (payload.ok) taken.push({ index, data: payload.data });
      else outcomes[index] = Outcome.reject(payload.reason);
    });
    if (taken.length === 0) return outcomes;
    const context = new JetStreamBatchContext([taken.map((t) => messages[t.index])]);
    const handled = await outcomesOfBatchResult(handler(taken.map((t) => t.data), context), taken.length);
    taken.forEach((t, k) => (outcomes[t.index] = handled[k]));
    return outcomes;
  }

  /** Not ready while consumers hold messages for a dependency: say which one, and who waits. */
  private registerReadiness(): void {
    const { waits, health } = this.deps;
    health.register('consumers', async () => {
      const waiting = waits.current();
      const detail = waiting.map((w) => `waiting for ${w.dependency}: ${w.consumers.join(', ')} (${w.reason})`).join('; ');
      return { name: 'consumers', up: waiting.length === 0, ...(detail ? { detail } : {}) };
    });
  }
}
