import { applyDecorators, UseFilters } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { Observable } from 'rxjs';
import { EventName } from '@vigil/contracts';
import { BatchOptions } from '../consumer-runner';
import { HandlerOutcome } from '../handler-outcome';
import { InboundMessage } from '../inbound-message';
import { ConsumerDeclaration } from '../topology';
import { EventMessage } from './event-message';
import { HandlerRoute } from './handler-route';
import { JetStreamBatchContext } from './jetstream-batch.context';
import { JetStreamContext } from './jetstream.context';
import { OutcomeFilter } from './outcome.filter';

/** What a JetStream handler may return: an outcome, at once, later or through interceptors. */
export type HandlerResult = HandlerOutcome | Promise<HandlerOutcome> | Observable<HandlerOutcome>;

type HandlerDecorator<P, C = JetStreamContext, R = HandlerResult> = <T extends (payload: P, context: C) => R>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<T>,
) => void;

function route(extras: HandlerRoute): MethodDecorator {
  return applyDecorators(EventPattern(extras.consumer.durable, extras), UseFilters(OutcomeFilter));
}

/**
 * Runs a durable consumer with this Nest handler. It takes the listed events only (a message of
 * any other type on its subject is dead-lettered with a reason) and its payload is their union.
 * Guards, pipes, interceptors and filters apply as to any Nest handler. A handler that takes
 * `@Ctx()` must mark its payload `@Payload()` too: Nest then reads every parameter from decorators.
 */
export function OnEvents<N extends EventName>(consumer: ConsumerDeclaration, events: readonly N[]): HandlerDecorator<EventMessage<N>> {
  return route({ consumer, decode: 'event', events }) as HandlerDecorator<EventMessage<N>>;
}

/** Runs a durable consumer whose messages are not Vigil events (gateway payloads): the handler gets the raw bytes. */
export function OnRawMessages(consumer: ConsumerDeclaration): HandlerDecorator<InboundMessage> {
  return route({ consumer, decode: 'raw' }) as HandlerDecorator<InboundMessage>;
}

/** What a batch handler may return: one outcome per message, in the order given. */
export type BatchResult = HandlerOutcome[] | Promise<HandlerOutcome[]> | Observable<HandlerOutcome[]>;

/**
 * Like {@link OnEvents}, but the handler gets up to `batch.max` events in one call (one
 * transaction) and returns one outcome per event: `done` ones are acked after it resolves,
 * `reject` ones dead-lettered, `retry` ones redelivered. An error is every event's retry.
 */
export function OnEventBatch<N extends EventName>(
  consumer: ConsumerDeclaration,
  events: readonly N[],
  batch: BatchOptions,
): HandlerDecorator<EventMessage<N>[], JetStreamBatchContext, BatchResult> {
  return route({ consumer, decode: 'event', events, batch }) as HandlerDecorator<EventMessage<N>[], JetStreamBatchContext, BatchResult>;
}

/**
 * Like {@link OnRawMessages}, but the handler gets up to `batch.max` messages in one call and
 * returns one outcome per message. Work the handler starts for all of them in one synchronous
 * pass (publishes, above all) leaves in one socket write instead of one per message.
 */
export function OnRawBatch(consumer: ConsumerDeclaration, batch: BatchOptions): HandlerDecorator<InboundMessage[], JetStreamBatchContext, BatchResult> {
  return route({ consumer, decode: 'raw', batch }) as HandlerDecorator<InboundMessage[], JetStreamBatchContext, BatchResult>;
}
