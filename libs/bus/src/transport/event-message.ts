import { EventData, EventName } from '@vigil/contracts';
import { InboundEvent } from '../inbound-message';

/** A checked event of one of the types `N`: a union discriminated by `event` when a consumer takes several. */
export type EventMessage<N extends EventName = EventName> = { [K in N]: InboundEvent<EventData<K>> & { event: K } }[N];
