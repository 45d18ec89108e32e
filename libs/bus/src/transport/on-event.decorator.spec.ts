import { Controller } from '@nestjs/common';
import { createEnvelope, EVENTS } from '@vigil/contracts';
import { HandlerOutcome, Outcome } from '../handler-outcome';
import { InboundMessage } from '../inbound-message';
import { ConsumerDeclaration } from '../topology';
import { EventMessage } from './event-message';
import { JetStreamDeserializer } from './jetstream.deserializer';
import { OnEvents } from './on-event.decorator';

const consumer: ConsumerDeclaration = { durable: 'typing', stream: 'CALLS', filterSubject: 'call.>', maxDeliver: 3, ackWaitSeconds: 5, concurrency: 1, deliverPolicy: 'new' };

// Compiled by ts-jest: an unused @ts-expect-error, or a wrong parameter type without one, fails this file.
@Controller()
export class TypedHandlers {
  @OnEvents(consumer, ['callReceived', 'deadLetter'])
  async either(message: EventMessage<'callReceived' | 'deadLetter'>): Promise<HandlerOutcome> {
    // The union narrows on `event`: each branch sees its own payload type.
    return message.event === 'callReceived' ? Outcome.done(message.envelope.data.summary) : Outcome.done(message.envelope.data.reason);
  }

  // @ts-expect-error a dead-letter handler cannot subscribe to calls
  @OnEvents(consumer, ['callReceived'])
  async wrong(message: EventMessage<'deadLetter'>): Promise<HandlerOutcome> {
    return Outcome.done(message.envelope.data.reason);
  }

  // @ts-expect-error a handler returns an outcome, not whatever it likes
  @OnEvents(consumer, ['deadLetter'])
  async noOutcome(_message: EventMessage<'deadLetter'>): Promise<string> {
    return 'done';
  }
}

describe('typed subscribing', () => {
  const letter = { rejectedBy: 'x', origin: 'y', reason: 'z', rawBase64: '', receivedAt: '2026-12-01T20:00:00Z', deliveryAttempts: 1 };
  const inbound = (data: unknown): InboundMessage => ({
    subject: 'dlq.x',
    data: new TextEncoder().encode(JSON.stringify(data)),
    streamSeq: 1,
    deliveryCount: 1,
    headers: {},
    working: () => undefined,
  });
  const envelope = createEnvelope({ id: 'e1', source: '/test', type: EVENTS.deadLetter.type, data: letter });

  it('names the event a message carries, so that the handler can tell a union apart', () => {
    const result = new JetStreamDeserializer().deserialize(inbound(envelope), { consumer, decode: 'event', events: ['callReceived', 'deadLetter'] });
    expect(result).toMatchObject({ ok: true, data: { event: 'deadLetter', envelope: { id: 'e1', data: letter } } });
  });

  it('refuses a type the consumer does not take, naming the type and the consumer', () => {
    const result = new JetStreamDeserializer().deserialize(inbound(envelope), { consumer, decode: 'event', events: ['callReceived'] });
    expect(result).toEqual({ ok: false, reason: 'event type "vigil.dead-letter.recorded" is not taken by consumer typing (takes vigil.call.received)' });
  });

  it('refuses bytes that are no valid event before looking at the type', () => {
    const result = new JetStreamDeserializer().deserialize(inbound({ specversion: '1.0' }), { consumer, decode: 'event', events: ['deadLetter'] });
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/^not a CloudEvents envelope: /) });
  });
});
