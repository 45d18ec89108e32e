import { EventName } from '@vigil/contracts';
import { BatchOptions } from '../consumer-runner';
import { ConsumerDeclaration } from '../topology';

/** What a handler decorator records as its pattern's extras: the consumer it runs and what it takes. */
export type HandlerRoute =
  | { consumer: ConsumerDeclaration; decode: 'raw'; batch?: BatchOptions }
  | { consumer: ConsumerDeclaration; decode: 'event'; events: readonly EventName[]; batch?: BatchOptions };

/** Reads the route a Vigil handler decorator left in a pattern's extras; explains what is missing otherwise. */
export function routeOf(pattern: string, extras: Record<string, unknown> | undefined): HandlerRoute {
  const route = extras as Partial<HandlerRoute> | undefined;
  if (!route?.consumer || route.consumer.durable !== pattern) {
    throw new Error(`handler for "${pattern}" was not declared with @OnEvents, @OnRawMessages or their batch forms: JetStream handlers need a consumer declaration`);
  }
  return route as HandlerRoute;
}
