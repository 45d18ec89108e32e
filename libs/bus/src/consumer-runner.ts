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

/** A handler of raw bytes (gateway payloads) or of checked CloudEvents. */
export type MessageHandler =
  | { decode: 'raw'; handle: (message: InboundMessage) => Promise<HandlerOutcome> }
  | { decode: 'event'; handle: (message: InboundEvent) => Promise<HandlerOutcome> };

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
 * is back, while the runner pulls nothing more: an outage spends no delivery attempts.
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
      if (this.inFlight.size >= concurrency) {
        await Promise.race([...this.inFlight, this.signal.stopped]);
        continue;
      }
      try {
        // Pull only as many as there are free slots: a delivered message is always in someone's hands.
        this.batch = await consumer.fetch({ max_messages: concurrency - this.inFlight.size, expires: FETCH_EXPIRES_MS });
        if (this.signal.isStopped) await this.batch.close();
        for await (const msg of this.batch) this.begin(msg);
      } catch (error) {
        if (this.signal.isStopped) break;
        this.log.warn({ msg: 'pull failed, will pull again', consumer: this.declaration.durable, error: (error as Error).message });
        await this.signal.pause(PULL_RETRY_MS);
      }
    }
  }

  private begin(msg: JsMsg): void {
    const task = this.process(msg)
      // An ack that cannot be sent (connection closed) must not stop the pull loop: JetStream redelivers.
      .catch((error: Error) => this.log.error({ msg: 'could not settle message', consumer: this.declaration.durable, streamSeq: msg.seq, error: error.message }))
      .finally(() => this.inFlight.delete(task));
    this.inFlight.add(task);
  }

  private async process(msg: JsMsg): Promise<void> {
    const stopTimer = handlerSeconds.startTimer({ consumer: this.declaration.durable });
    // In-progress acks keep JetStream from redelivering a message that is still in hand (slow or held).
    const keepAlive = setInterval(() => this.workingOn(msg), (this.declaration.ackWaitSeconds * 1_000) / 3);
    try {
      const inbound: InboundMessage = {
        subject: this.ns.unprefix(msg.subject),
        data: msg.data,
        streamSeq: msg.seq,
        deliveryCount: msg.info.deliveryCount,
        headers: headersOf(msg),
        working: () => this.workingOn(msg),
      };
      let outcome = await this.outcomeFor(inbound);
      if (outcome.kind === 'unavailable') outcome = await this.holdUntilAvailable(inbound, outcome);
      if (outcome.kind === 'unavailable') {
        // Shutting down while held: hand it back at once for another replica (or our restart).
        msg.nak();
        return;
      }
      await this.settle(msg, inbound, outcome);
      stopTimer();
      messagesHandled.inc({ consumer: this.declaration.durable, outcome: outcome.kind, reason: labelOf(outcome.reason) });
    } finally {
      clearInterval(keepAlive);
    }
  }

  private async outcomeFor(inbound: InboundMessage): Promise<HandlerOutcome> {
    try {
      if (this.handler.decode === 'raw') return await this.handler.handle(inbound);
      const decoded = decodeEvent(inbound.data);
      if (!decoded.ok) return Outcome.reject(decoded.reason);
      return await this.handler.handle({ ...inbound, envelope: decoded.envelope });
    } catch (error) {
      const fault = transientFaultOf(error);
      if (fault) return Outcome.unavailable(fault.dependency, fault.reason);
      return Outcome.retry(`handler failed: ${(error as Error).message}`);
    }
  }

  /** Retries the handler with capped backoff for as long as the dependency stays down (or until stop). */
  private async holdUntilAvailable(inbound: InboundMessage, first: HandlerOutcome & { kind: 'unavailable' }): Promise<HandlerOutcome> {
    const consumer = this.declaration.durable;
    const { dependency } = first;
    this.gate.hold();
    this.waits.begin(consumer, dependency, first.reason);
    this.log.warn({ msg: `${dependency} unavailable, holding the message until it is back`, consumer, dependency, streamSeq: inbound.streamSeq, reason: first.reason });
    let outcome: HandlerOutcome = first;
    let attempt = 0;
    try {
      while (outcome.kind === 'unavailable' && !this.signal.isStopped) {
        await this.signal.pause(outageRetryDelayMs(++attempt));
        if (!this.signal.isStopped) outcome = await this.outcomeFor(inbound);
      }
    } finally {
      this.waits.end(consumer, dependency);
      this.gate.release();
    }
    if (outcome.kind !== 'unavailable') this.log.warn({ msg: `${dependency} back, message goes on`, consumer, dependency, streamSeq: inbound.streamSeq, attempts: attempt + 1 });
    return outcome;
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
