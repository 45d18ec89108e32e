import { applyDecorators, UseFilters } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { Observable } from 'rxjs';
import { EventName } from '@vigil/contracts';
import { HandlerOutcome } from '../handler-outcome';
import { InboundMessage } from '../inbound-message';
import { ConsumerDeclaration } from '../topology';
import { EventMessage } from './event-message';
import { HandlerRoute } from './handler-route';
import { JetStreamContext } from './jetstream.context';
import { OutcomeFilter } from './outcome.filter';

/** What a JetStream handler may return: an outcome, at once, later or through interceptors. */
export type HandlerResult = HandlerOutcome | Promise<HandlerOutcome> | Observable<HandlerOutcome>;

type HandlerDecorator<P> = <T extends (payload: P, context: JetStreamContext) => HandlerResult>(
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
 * Guards, pipes, interceptors and filters apply as to any Nest handler.
 */
export function OnEvents<N extends EventName>(consumer: ConsumerDeclaration, events: readonly N[]): HandlerDecorator<EventMessage<N>> {
  return route({ consumer, decode: 'event', events }) as HandlerDecorator<EventMessage<N>>;
}

/** Runs a durable consumer whose messages are not Vigil events (gateway payloads): the handler gets the raw bytes. */
export function OnRawMessages(consumer: ConsumerDeclaration): HandlerDecorator<InboundMessage> {
  return route({ consumer, decode: 'raw' }) as HandlerDecorator<InboundMessage>;
}
