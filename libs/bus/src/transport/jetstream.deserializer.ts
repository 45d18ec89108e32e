import { EVENTS, eventByType } from '@vigil/contracts';
import { decodeEvent } from '../decode-event';
import { InboundMessage } from '../inbound-message';
import { HandlerRoute } from './handler-route';
import { EventMessage } from './event-message';

/** The payload a handler receives, or why its message is refused before any handler runs. */
export type Deserialized = { ok: true; data: InboundMessage | EventMessage } | { ok: false; reason: string };

/** Turns a delivered message into a handler's payload: raw as it is, or a checked event of a type the consumer takes. */
export class JetStreamDeserializer {
  deserialize(message: InboundMessage, route: HandlerRoute): Deserialized {
    if (route.decode === 'raw') return { ok: true, data: message };
    const decoded = decodeEvent(message.data);
    if (!decoded.ok) return decoded;
    const event = eventByType(decoded.envelope.type);
    if (!event || !route.events.includes(event)) {
      const takes = route.events.map((name) => EVENTS[name].type).join(', ');
      return { ok: false, reason: `event type "${decoded.envelope.type}" is not taken by consumer ${route.consumer.durable} (takes ${takes})` };
    }
    return { ok: true, data: { ...message, event, envelope: decoded.envelope } as EventMessage };
  }
}
