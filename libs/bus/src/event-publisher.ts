import { JetStreamClient } from 'nats';
import { createEnvelope, Envelope, EventData, EventName, EVENTS } from '@vigil/contracts';
import { BusNamespace } from './namespace';

/** What JetStream said about a publish: `duplicate` when the msg id was already in the window. */
export interface PublishReceipt {
  streamSeq: number;
  duplicate: boolean;
}

const encoder = new TextEncoder();

/** Publishes to JetStream with `Nats-Msg-Id` = envelope id and waits for the stream's ack. */
export class EventPublisher {
  constructor(
    private readonly js: JetStreamClient,
    private readonly ns: BusNamespace,
    private readonly source: string,
  ) {}

  /** Validates `data` against its contract, wraps it and publishes it; resolves once stored. */
  async publish<N extends EventName>(
    name: N,
    data: EventData<N>,
    options: { id: string; time?: Date },
  ): Promise<PublishReceipt> {
    const envelope = this.envelope(name, data, options);
    return this.publishEnvelope(envelope, this.subjectFor(name, data));
  }

  /** Builds the envelope and subject without publishing (for the outbox). */
  envelope<N extends EventName>(name: N, data: EventData<N>, options: { id: string; time?: Date }): Envelope<EventData<N>> {
    const definition = EVENTS[name];
    const checked = definition.schema.parse(data) as EventData<N>;
    return createEnvelope({ id: options.id, source: this.source, type: definition.type, data: checked, time: options.time });
  }

  /** The contract subject an event travels on. */
  subjectFor<N extends EventName>(name: N, data: EventData<N>): string {
    return (EVENTS[name].subject as (d: EventData<N>) => string)(data);
  }

  /** Publishes an already-built envelope on a contract subject. */
  async publishEnvelope(envelope: Envelope, subject: string): Promise<PublishReceipt> {
    return this.publishRaw(subject, encoder.encode(JSON.stringify(envelope)), envelope.id);
  }

  /** Publishes bytes on a contract subject with a de-duplication id. */
  async publishRaw(subject: string, bytes: Uint8Array, msgId: string): Promise<PublishReceipt> {
    const ack = await this.js.publish(this.ns.subject(subject), bytes, { msgID: msgId });
    return { streamSeq: ack.seq, duplicate: ack.duplicate };
  }
}
