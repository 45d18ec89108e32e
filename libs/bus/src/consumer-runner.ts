import { Consumer, ConsumerMessages, JetStreamClient, JsMsg } from 'nats';
import { handlerSeconds, messagesHandled } from '@vigil/observability';
import { DeadLetterer } from './dead-letterer';
import { decodeEvent } from './decode-event';
import { DependencyWaits } from './dependency-waits';
import { HandlerOutcome, Outcome } from './handler-outcome';
import { InboundEvent, InboundMessage } from './inbound-message';
import { BusNamespace } from './namespace';
import { PullGate } from './pull-gate';
import { outageRetryDelayMs, retryDelayMs } from './retry-backoff';
import { StopSignal } from './stop-signal';
import { termReasonSupported } from './term-reason';
import { ConsumerDeclaration } from './topology';
import { transientFaultOf } from './transient-fault';

/**
 * A handler of raw bytes (gateway payloads), of checked CloudEvents, or of a batch of raw messages
 * pulled together: one outcome per message, in order, settled only once the whole call resolved.
 */
export type MessageHandler =
  | { decode: 'raw'; handle: (message: InboundMessage) => Promise<HandlerOutcome> }
  | { decode: 'event'; handle: (message: InboundEvent) => Promise<HandlerOutcome> }
  | { decode: 'batch'; batch: BatchOptions; handle: (messages: InboundMessage[]) => Promise<HandlerOutcome[]> };

/** How a batch handler's messages are gathered. */
export interface BatchOptions {
  /** The most messages in one handler call. */
  max: number;
  /** How long a pull waits for a batch to fill when other replicas took some of it (JetStream's minimum is 1 s). */
  lingerSeconds: number;
}

/** Receives log lines about outcomes; keeps the bus free of a logging framework. */
export interface ConsumerLog {
  warn(fields: Record<string, unknown>): void;
  error(fields: Record<string, unknown>): void;
}

/** What a runner needs to know about its process beyond the consumer itself. */
export interface ConsumerRunnerOptions {
  /** The connected server's version (the connection's INFO): decides whether a term may carry its reason. */
  serverVersion?: () => string | undefined;
  /** Where held messages are counted for readiness; shared by every runner of the process. */
  waits?: DependencyWaits;
}

/** How long one pull request stays open waiting for messages. */
const FETCH_EXPIRES_MS = 5_000;
/** Pause after a failed pull (broker restarting) before pulling again. */
const PULL_RETRY_MS = 1_000;

/**
 * Runs one durable pull consumer: pulls no more than it has free slots for, calls the handler
 * and maps its outcome to ack / nak-with-backoff / dead-letter-and-term. Nothing is acked before
 * the handler has finished. A message whose dependency is down (outcome `unavailable`, or a
 * transient error thrown) is kept in hand with in-progress acks and retried until the dependency
 * is back, while the runner pulls nothing more: an outage spends no delivery attempts. A batch
 * handler gets up to `batch.max` messages at a time, one batch in hand per replica.
 */
export class ConsumerRunner {
  private batch?: ConsumerMessages;
  private readonly inFlight = new Set<Promise<void>>();
  private loop?: Promise<void>;
  private readonly signal = new StopSignal();
  private readonly gate = new PullGate();
  private readonly waits: DependencyWaits;

  constructor(
    private readonly js: JetStreamClient,
    private readonly ns: BusNamespace,
    private readonly declaration: ConsumerDeclaration,
    private readonly handler: MessageHandler,
    private readonly deadLetterer: DeadLetterer,
    private readonly log: ConsumerLog,
    private readonly options: ConsumerRunnerOptions = {},
  ) {
    this.waits = options.waits ?? new DependencyWaits();
  }

  /** Starts pulling; returns once the consumer is bound. */
  async start(): Promise<void> {
    const consumer = await this.js.consumers.get(this.ns.stream(this.declaration.stream), this.declaration.durable);
    // The pull loop only ends on stop(); say so if it breaks rather than die of an unhandled rejection.
    this.loop = this.pump(consumer).catch((error: Error) =>
      this.log.error({ msg: 'consumer stopped pulling', consumer: this.declaration.durable, error: error.message }),
    );
  }

  /** Stops pulling and waits for the messages in hand to finish (held or unfinished ones are redelivered). */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.signal.stop();
    await this.batch?.close();
    await this.loop;
    await Promise.all(this.inFlight);
  }

  private async pump(consumer: Consumer): Promise<void> {
    const { concurrency } = this.declaration;
    while (!this.signal.isStopped) {
      // While a dependency is down, pull nothing more: the messages already held wait for it.
      if (this.gate.isClosed) {
        await Promise.race([this.gate.opened(), this.signal.stopped]);
        continue;
      }
      const slots = this.handler.decode === 'batch' ? 1 : concurrency;
      if (this.inFlight.size >= slots) {
        await Promise.race([...this.inFlight, this.signal.stopped]);
        continue;
      }
      try {
        if (this.handler.decode === 'batch') await this.pullBatch(consumer, this.handler.batch);
        else await this.pullEach(consumer, concurrency - this.inFlight.size);
      } catch (error) {
        if (this.signal.isStopped) break;
        this.log.warn({ msg: 'pull failed, will pull again', consumer: this.declaration.durable, error: (error as Error).message });
        await this.signal.pause(PULL_RETRY_MS);
      }
    }
  }

  /** Pulls only as many as there are free slots: a delivered message is always in someone's hands. */
  private async pullEach(consumer: Consumer, free: number): Promise<void> {
    this.batch = await consumer.fetch({ max_messages: free, expires: FETCH_EXPIRES_MS });
    if (this.signal.isStopped) await this.batch.close();
    for await (const msg of this.batch) this.begin([msg]);
  }

  /**
   * Asks for as many messages as are waiting (up to `max`), so that a pull returns at once with
   * them, and a quiet consumer handles a lone message without lingering. Another replica may take
   * some of them: the linger bounds how long the pull then waits for its batch to fill.
   */
  private async pullBatch(consumer: Consumer, options: BatchOptions): Promise<void> {
    const waiting = (await consumer.info()).num_pending;
    const want = Math.min(options.max, Math.max(1, waiting));
    const expires = want === 1 ? FETCH_EXPIRES_MS : Math.max(1, options.lingerSeconds) * 1_000;
    this.batch = await consumer.fetch({ max_messages: want, expires });
    if (this.signal.isStopped) await this.batch.close();
    const msgs: JsMsg[] = [];
    for await (const msg of this.batch) msgs.push(msg);
    if (msgs.length > 0) this.begin(msgs);
  }

  private begin(msgs: JsMsg[]): void {
    const task = this.process(msgs)
      // An ack that cannot be sent (connection closed) must not stop the pull loop: JetStream redelivers.
      .catch((error: Error) => this.log.error({ msg: 'could not settle message', consumer: this.declaration.durable, streamSeq: msgs[0].seq, error: error.message }))
      .finally(() => this.inFlight.delete(task));
    this.inFlight.add(task);
  }

  private async process(msgs: JsMsg[]): Promise<void> {
    const stopTimer = handlerSeconds.startTimer({ consumer: this.declaration.durable });
    // In-progress acks keep JetStream from redelivering a message that is still in hand (slow or held).
    const keepAlive = setInterval(() => msgs.forEach((msg) => this.workingOn(msg)), (this.declaration.ackWaitSeconds * 1_000) / 3);
    try {
      const inbounds = msgs.map((msg) => this.inboundOf(msg));
      const outcomes = await this.outcomesFor(inbounds);
      await this.holdUnavailable(inbounds, outcomes);
      for (let i = 0; i < msgs.length; i++) {
        const outcome = outcomes[i];
        // Shutting down while held: hand it back at once for another replica (or our restart).
        if (outcome.kind === 'unavailable') msgs[i].nak();
        else await this.settle(msgs[i], inbounds[i], outcome);
        messagesHandled.inc({ consumer: this.declaration.durable, outcome: outcome.kind, reason: labelOf(outcome.reason) });
      }
      stopTimer();
    } finally {
      clearInterval(keepAlive);
    }
  }

  private inboundOf(msg: JsMsg): InboundMessage {
    return {
      subject: this.ns.unprefix(msg.subject),
      data: msg.data,
      streamSeq: msg.seq,
      deliveryCount: msg.info.deliveryCount,
      headers: headersOf(msg),
      working: () => this.workingOn(msg),
    };
  }

  /** One outcome per message, in order; an error of the handler is every message's outcome. */
  private async outcomesFor(inbounds: InboundMessage[]): Promise<HandlerOutcome[]> {
    try {
      if (this.handler.decode === 'batch') {
        const outcomes = await this.handler.handle(inbounds);
        if (outcomes.length === inbounds.length) return outcomes;
        return inbounds.map(() => Outcome.retry(`batch handler returned ${outcomes.length} outcomes for ${inbounds.length} messages`));
      }
      return [await this.outcomeOf(inbounds[0])];
    } catch (error) {
      const fault = transientFaultOf(error);
      const outcome = fault ? Outcome.unavailable(fault.dependency, fault.reason) : Outcome.retry(`handler failed: ${(error as Error).message}`);
      return inbounds.map(() => outcome);
    }
  }

  private async outcomeOf(inbound: InboundMessage): Promise<HandlerOutcome> {
    if (this.handler.decode === 'raw') return this.handler.handle(inbound);
    if (this.handler.decode === 'batch') throw new Error('a batch handler takes batches');
    const decoded = decodeEvent(inbound.data);
    if (!decoded.ok) return Outcome.reject(decoded.reason);
    return this.handler.handle({ ...inbound, envelope: decoded.envelope });
  }

  /**
   * Retries the handler with capped backoff on the messages whose dependency is down, for as long
   * as it stays down (or until stop); fills their outcomes in place.
   */
  private async holdUnavailable(inbounds: InboundMessage[], outcomes: HandlerOutcome[]): Promise<void> {
    const first = outcomes.find((o): o is HandlerOutcome & { kind: 'unavailable' } => o.kind === 'unavailable');
    if (!first) return;
    const consumer = this.declaration.durable;
    const { dependency } = first;
    const streamSeq = inbounds[outcomes.indexOf(first)].streamSeq;
    this.gate.hold();
    this.waits.begin(consumer, dependency, first.reason);
    this.log.warn({ msg: `${dependency} unavailable, holding the message until it is back`, consumer, dependency, streamSeq, reason: first.reason });
    let attempt = 0;
    const held = () => outcomes.flatMap((o, i) => (o.kind === 'unavailable' ? [i] : []));
    try {
      while (held().length > 0 && !this.signal.isStopped) {
        await this.signal.pause(outageRetryDelayMs(++attempt));
        if (this.signal.isStopped) break;
        const indexes = held();
        const retried = await this.outcomesFor(indexes.map((i) => inbounds[i]));
        indexes.forEach((index, k) => (outcomes[index] = retried[k]));
      }
    } finally {
      this.waits.end(consumer, dependency);
      this.gate.release();
    }
    if (held().length === 0) this.log.warn({ msg: `${dependency} back, message goes on`, consumer, dependency, streamSeq, attempts: attempt + 1 });
  }

  private async settle(msg: JsMsg, inbound: InboundMessage, outcome: HandlerOutcome): Promise<void> {
    const context = { consumer: this.declaration.durable, subject: inbound.subject, streamSeq: inbound.streamSeq };
    if (outcome.kind === 'done') {
      msg.ack();
      return;
    }
    const exhausted = outcome.kind === 'retry' && inbound.deliveryCount >= this.declaration.maxDeliver;
    if (outcome.kind === 'retry' && !exhausted) {
      this.log.warn({ msg: 'will retry', ...context, attempt: inbound.deliveryCount, reason: outcome.reason });
      msg.nak(outcome.delayMs ?? retryDelayMs(inbound.deliveryCount));
      return;
    }
    const reason = exhausted ? `gave up after ${inbound.deliveryCount} attempts: ${outcome.reason}` : outcome.reason;
    try {
      await this.deadLetterer.keep({
        id: `${this.declaration.stream}:${inbound.streamSeq}`,
        rejectedBy: this.declaration.durable,
        origin: `nats:${inbound.subject}`,
        reason,
        raw: inbound.data,
        deliveryAttempts: inbound.deliveryCount,
      });
      this.log.warn({ msg: 'dead-lettered', ...context, reason });
      this.terminate(msg, reason);
    } catch (error) {
      // The dead letter is not stored, so the original must stay: redeliver it later.
      this.log.error({ msg: 'could not store dead letter, will redeliver', ...context, error: (error as Error).message });
      msg.nak(retryDelayMs(inbound.deliveryCount));
    }
  }

  /** Servers before 2.10.4 ignore `+TERM <reason>` entirely; the reason is kept in the dead letter and the log anyway. */
  private terminate(msg: JsMsg, reason: string): void {
    if (termReasonSupported(this.options.serverVersion?.())) msg.term(reason);
    else msg.term();
  }

  private workingOn(msg: JsMsg): void {
    try {
      msg.working();
    } catch {
      // Connection closed: JetStream will redeliver after ack wait, which is all we could ask for.
    }
  }
}

function headersOf(msg: JsMsg): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (const key of msg.headers?.keys() ?? []) headers[key] = msg.headers!.values(key);
  return headers;
}

/** Keeps metric label cardinality bounded: the reason's stable head, not its variable detail. */
function labelOf(reason: string): string {
  return reason.split(':')[0].slice(0, 60);
}
