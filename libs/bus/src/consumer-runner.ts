import { ConsumerMessages, JetStreamClient, JsMsg } from 'nats';
import { handlerSeconds, messagesHandled } from '@vigil/observability';
import { DeadLetterer } from './dead-letterer';
import { decodeEvent } from './decode-event';
import { HandlerOutcome } from './handler-outcome';
import { InboundEvent, InboundMessage } from './inbound-message';
import { BusNamespace } from './namespace';
import { retryDelayMs } from './retry-backoff';
import { ConsumerDeclaration } from './topology';

/** A handler of raw bytes (gateway payloads) or of checked CloudEvents. */
export type MessageHandler =
  | { decode: 'raw'; handle: (message: InboundMessage) => Promise<HandlerOutcome> }
  | { decode: 'event'; handle: (message: InboundEvent) => Promise<HandlerOutcome> };

/** Receives log lines about outcomes; keeps the bus free of a logging framework. */
export interface ConsumerLog {
  warn(fields: Record<string, unknown>): void;
  error(fields: Record<string, unknown>): void;
}

/**
 * Runs one durable pull consumer: pulls with bounded concurrency, calls the handler and maps its
 * outcome to ack / nak-with-backoff / dead-letter-and-term. Nothing is acked before the handler
 * has finished; a handler that throws is treated as a transient fault until `maxDeliver`.
 */
export class ConsumerRunner {
  private messages?: ConsumerMessages;
  private readonly inFlight = new Set<Promise<void>>();
  private loop?: Promise<void>;

  constructor(
    private readonly js: JetStreamClient,
    private readonly ns: BusNamespace,
    private readonly declaration: ConsumerDeclaration,
    private readonly handler: MessageHandler,
    private readonly deadLetterer: DeadLetterer,
    private readonly log: ConsumerLog,
  ) {}

  /** Starts pulling; returns once the consumer is bound. */
  async start(): Promise<void> {
    const consumer = await this.js.consumers.get(this.ns.stream(this.declaration.stream), this.declaration.durable);
    this.messages = await consumer.consume({ max_messages: this.declaration.concurrency * 2 });
    // The pull loop only ends on close() or a broken consumer; say so rather than die of an unhandled rejection.
    this.loop = this.pump(this.messages).catch((error: Error) =>
      this.log.error({ msg: 'consumer stopped pulling', consumer: this.declaration.durable, error: error.message }),
    );
  }

  /** Stops pulling and waits for the messages in hand to finish (unfinished ones are redelivered). */
  async stop(): Promise<void> {
    if (!this.messages) return;
    await this.messages.close();
    await this.loop;
    await Promise.all(this.inFlight);
  }

  private async pump(messages: ConsumerMessages): Promise<void> {
    for await (const msg of messages) {
      while (this.inFlight.size >= this.declaration.concurrency) await Promise.race(this.inFlight);
      const task = this.process(msg).finally(() => this.inFlight.delete(task));
      this.inFlight.add(task);
    }
  }

  private async process(msg: JsMsg): Promise<void> {
    const stopTimer = handlerSeconds.startTimer({ consumer: this.declaration.durable });
    const inbound: InboundMessage = {
      subject: this.ns.unprefix(msg.subject),
      data: msg.data,
      streamSeq: msg.seq,
      deliveryCount: msg.info.deliveryCount,
    };
    const outcome = await this.outcomeFor(inbound);
    await this.settle(msg, inbound, outcome);
    stopTimer();
    messagesHandled.inc({ consumer: this.declaration.durable, outcome: outcome.kind, reason: labelOf(outcome.reason) });
  }

  private async outcomeFor(inbound: InboundMessage): Promise<HandlerOutcome> {
    try {
      if (this.handler.decode === 'raw') return await this.handler.handle(inbound);
      const decoded = decodeEvent(inbound.data);
      if (!decoded.ok) return { kind: 'reject', reason: decoded.reason };
      return await this.handler.handle({ ...inbound, envelope: decoded.envelope });
    } catch (error) {
      return { kind: 'retry', reason: `handler failed: ${(error as Error).message}` };
    }
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
      msg.nak(retryDelayMs(inbound.deliveryCount));
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
      msg.term(reason);
    } catch (error) {
      // The dead letter is not stored, so the original must stay: redeliver it later.
      this.log.error({ msg: 'could not store dead letter, will redeliver', ...context, error: (error as Error).message });
      msg.nak(retryDelayMs(inbound.deliveryCount));
    }
  }
}

/** Keeps metric label cardinality bounded: the reason's stable head, not its variable detail. */
function labelOf(reason: string): string {
  return reason.split(':')[0].slice(0, 60);
}
