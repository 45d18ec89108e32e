import { Consumer, ConsumerMessages, JetStreamClient, JsMsg } from 'nats';
import { handlerSeconds, messagesHandled } from '@vigil/observability';
import { BatchGatherer } from './batch-gatherer';
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
  /**
   * Batches one replica works on at once, each its own handler call; 1 when absent. Like replicas,
   * they need the handler to serialise what must not interleave. `parallel × max` must stay within
   * the consumer's max ack pending, or the last batch waits for the first to be acked.
   */
  parallel?: number;
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
/** The share of a consumer's slots that must be free before it pulls again. */
const REFILL_SHARE = 0.5;
/** Pause after a failed pull (broker restarting) before pulling again. */
const PULL_RETRY_MS = 1_000;

/**
 * Runs one durable pull consumer: pulls no more than it has free slots for, calls the handler
 * and maps its outcome to ack / nak-with-backoff / dead-letter-and-term. Nothing is acked before
 * the handler has finished. A message whose dependency is down (outcome `unavailable`, or a
 * transient error thrown) is kept in hand with in-progress acks and retried until the dependency
 * is back, while the runner pulls nothing more: an outage spends no delivery attempts. A batch
 * handler gets up to `batch.max` messages at a time, `batch.parallel` batches in hand per replica.
 */
export class ConsumerRunner {
  /** The open pull, and whether stop closed it. */
  private pull?: { messages: ConsumerMessages; closed: boolean };
  private readonly inFlight = new Set<Promise<void>>();
  /** Batch handlers only: makes batches of what the pull delivers. */
  private gatherer?: BatchGatherer<JsMsg>;
  private queuedKeepAlive?: NodeJS.Timeout;
  /** Wakes the loop waiting for free slots when a message is settled. */
  private wakeSlot?: () => void;
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
    await this.closePull();
    await this.loop;
    // What the last pull delivered still goes through the handler, then is settled.
    await this.gatherer?.idle();
    clearInterval(this.queuedKeepAlive);
    await Promise.all(this.inFlight);
  }

  private async pump(consumer: Consumer): Promise<void> {
    while (!this.signal.isStopped) {
      // While a dependency is down, pull nothing more: the messages already held wait for it.
      if (this.gate.isClosed) {
        await Promise.race([this.gate.opened(), this.signal.stopped]);
        continue;
      }
      try {
        if (this.handler.decode === 'batch') await this.pullBatch(consumer, this.handler.batch);
        else await this.pullEach(consumer, this.declaration.concurrency);
      } catch (error) {
        if (this.signal.isStopped) break;
        this.log.warn({ msg: 'pull failed, will pull again', consumer: this.declaration.durable, error: (error as Error).message });
        await this.signal.pause(PULL_RETRY_MS);
      }
    }
  }

  /**
   * Pulls only as many as there are free slots, so that a delivered message is always in someone's
   * hands (kept with in-progress acks even while its dependency is down), and only once at least
   * {@link REFILL_SHARE} of the slots are free: a busy consumer pulls in half-batches, one round trip
   * each, while the other half keeps working, rather than one message per round trip.
   */
  private async pullEach(consumer: Consumer, concurrency: number): Promise<void> {
    const refillAt = Math.max(1, Math.floor(concurrency * REFILL_SHARE));
    if (concurrency - this.inFlight.size < refillAt) {
      await this.freeSlots(() => this.inFlight.size > concurrency - refillAt);
      return;
    }
    const pull = { messages: await consumer.fetch({ max_messages: concurrency - this.inFlight.size, expires: FETCH_EXPIRES_MS }), closed: false };
    this.pull = pull;
    if (this.signal.isStopped) await this.closePull();
    for await (const msg of pull.messages) this.begin([msg]);
  }

  /** Resolves once `tooBusy` says otherwise (checked each time a message or batch is settled), or on stop. */
  private async freeSlots(tooBusy: () => boolean): Promise<void> {
    while (tooBusy() && !this.signal.isStopped) {
      await Promise.race([new Promise<void>((resolve) => (this.wakeSlot = resolve)), this.signal.stopped]);
    }
  }

  /**
   * Ends the open pull at stop; the messages it already has still come through the loop. Never on
   * an outage: the server would go on filling the closed pull's request, and those messages would
   * reach no one until their ack wait ran out, spending a delivery.
   */
  private async closePull(): Promise<void> {
    const pull = this.pull;
    if (!pull || pull.closed) return;
    pull.closed = true;
    await pull.messages.close();
  }

  /**
   * Pulls like {@link pullEach}, counting messages against `max × parallel` slots, and lets the
   * {@link BatchGatherer} make batches of what arrives together: one long pull serves many
   * batches, and a lone message is handled at once, with no linger for a batch to fill.
   */
  private async pullBatch(consumer: Consumer, options: BatchOptions): Promise<void> {
    const gatherer = this.gathererFor(options);
    const slots = options.max * (options.parallel ?? 1);
    const refillAt = Math.max(1, Math.floor(slots * REFILL_SHARE));
    if (slots - gatherer.held < refillAt) {
      await this.freeSlots(() => gatherer.held > slots - refillAt);
      return;
    }
    const pull = { messages: await consumer.fetch({ max_messages: slots - gatherer.held, expires: FETCH_EXPIRES_MS }), closed: false };
    this.pull = pull;
    if (this.signal.isStopped) await this.closePull();
    for await (const msg of pull.messages) gatherer.add(msg);
  }

  private gathererFor(options: BatchOptions): BatchGatherer<JsMsg> {
    if (!this.gatherer) {
      // Woken once the batch's messages have left `held`, which is what the pull loop waits on.
      const gatherer = new BatchGatherer<JsMsg>(options.max, options.parallel ?? 1, (msgs) => this.begin(msgs), () => this.wakeSlot?.());
      this.gatherer = gatherer;
      // Messages waiting for a batch to start are in hand too: in-progress acks keep them ours.
      this.queuedKeepAlive = setInterval(() => gatherer.queued.forEach((msg) => msg.working()), (this.declaration.ackWaitSeconds * 1_000) / 3);
    }
    return this.gatherer;
  }

  private begin(msgs: JsMsg[]): Promise<void> {
    const task: Promise<void> = this.process(msgs)
      // An ack that cannot be sent (connection closed) must not stop the pull loop: JetStream redelivers.
      .catch((error: Error) => this.log.error({ msg: 'could not settle message', consumer: this.declaration.durable, streamSeq: msgs[0].seq, error: error.message }))
      .finally(() => {
        this.inFlight.delete(task);
        this.wakeSlot?.();
      });
    this.inFlight.add(task);
    return task;
  }

  private async process(msgs: JsMsg[]): Promise<void> {
    const stopTimer = handlerSeconds.startTimer({ consumer: this.declaration.durable });
    // In-progress acks keep JetStream from redelivering a message that is still in hand (slow or held).
    const keepAlive = setInterval(() => msgs.forEach((msg) => this.workingOn(msg)), (this.declaration.ackWaitSeconds * 1_000) / 3);
    try {
      const inbounds = msgs.map((msg) => this.inboundOf(msg));
      const outcomes = await this.outcomesFor(inbounds);
      await this.holdUnavailable(inbounds, outcomes);
      // Acks and naks go out in one tick, so that the client sends a batch's acks in one write.
      const deadLetters: Promise<void>[] = [];
      for (let i = 0; i < msgs.length; i++) {
        const outcome = outcomes[i];
        // Shutting down while held: hand it back at once for another replica (or our restart).
        if (outcome.kind === 'unavailable') msgs[i].nak();
        else this.settle(msgs[i], inbounds[i], outcome, deadLetters);
        messagesHandled.inc({ consumer: this.declaration.durable, outcome: outcome.kind, reason: labelOf(outcome.reason) });
      }
      await Promise.all(deadLetters);
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

  /** Acks or naks at once; a message to dead-letter adds its (asynchronous) keeping to `deadLetters`. */
  private settle(msg: JsMsg, inbound: InboundMessage, outcome: HandlerOutcome, deadLetters: Promise<void>[]): void {
    if (outcome.kind === 'done') {
      msg.ack();
      return;
    }
    const exhausted = outcome.kind === 'retry' && inbound.deliveryCount >= this.declaration.maxDeliver;
    if (outcome.kind === 'retry' && !exhausted) {
      this.log.warn({ msg: 'will retry', ...this.contextOf(inbound), attempt: inbound.deliveryCount, reason: outcome.reason });
      msg.nak(outcome.delayMs ?? retryDelayMs(inbound.deliveryCount));
      return;
    }
    const reason = exhausted ? `gave up after ${inbound.deliveryCount} attempts: ${outcome.reason}` : outcome.reason;
    deadLetters.push(this.deadLetter(msg, inbound, reason));
  }

  private async deadLetter(msg: JsMsg, inbound: InboundMessage, reason: string): Promise<void> {
    const context = this.contextOf(inbound);
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

  private contextOf(inbound: InboundMessage): Record<string, unknown> {
    return { consumer: this.declaration.durable, subject: inbound.subject, streamSeq: inbound.streamSeq };
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
