import { Controller, Type } from '@nestjs/common';
import { ConsumerDeclaration, HandlerOutcome, InboundMessage, OnRawBatch, Outcome } from '@vigil/bus';
import { HealthWatchdog } from './health-watchdog';
import { HealthSignal, readHealthSignal } from './read-health-signal';

/** Signals stepped per call: in memory they cost microseconds each, so a large batch saves acks' round trips. */
const SIGNALS_PER_BATCH = 500;

/**
 * The thin adapter from CAMERA_HEALTH to the watchdog, made for this replica's own consumer (each
 * replica reads every signal; see cameraHealthConsumerOf). A message that is not a valid signal
 * is refused with its reason, and the bus keeps it (raw bytes, reason, subject) as a dead letter,
 * as every consumer's refusals are kept. One batch at a time, so each camera's signals are
 * stepped in stream order. Acked once its transitions are written or queued for the next tick:
 * the state lives in memory, and a replica that dies before writing is covered by the others and
 * by its own replay of the stream when it starts again.
 */
export function cameraHealthConsumerFor(consumer: ConsumerDeclaration): Type<unknown> {
  @Controller()
  class CameraHealthConsumer {
    constructor(private readonly watchdog: HealthWatchdog) {}

    @OnRawBatch(consumer, { max: SIGNALS_PER_BATCH })
    async onSignals(messages: InboundMessage[]): Promise<HandlerOutcome[]> {
      const outcomes: HandlerOutcome[] = [];
      const signals: HealthSignal[] = [];
      for (const message of messages) {
        const read = readHealthSignal(message.subject, message.data);
        if (read.ok) signals.push(read.signal);
        outcomes.push(read.ok ? Outcome.done(read.signal.input.kind) : Outcome.reject(read.reason));
      }
      await this.watchdog.take(signals, messages.length >= SIGNALS_PER_BATCH);
      return outcomes;
    }
  }
  return CameraHealthConsumer;
}
