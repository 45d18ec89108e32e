import { SetMetadata } from '@nestjs/common';
import { ConsumerDeclaration } from '../topology';

/** Metadata key for {@link OnMessage}. */
export const ON_MESSAGE = Symbol('ON_MESSAGE');

/** What {@link OnMessage} records on a method. */
export interface OnMessageMetadata {
  consumer: ConsumerDeclaration;
  decode: 'raw' | 'event';
}

/**
 * Binds a provider method to a durable consumer. The method receives an `InboundEvent`
 * (`decode: 'event'`, the default) or an `InboundMessage` (`'raw'`) and returns a `HandlerOutcome`.
 */
export const OnMessage = (consumer: ConsumerDeclaration, decode: 'raw' | 'event' = 'event') =>
  SetMetadata<symbol, OnMessageMetadata>(ON_MESSAGE, { consumer, decode });
