import { createEnvelope } from '@vigil/contracts';
import { decodeEvent } from './decode-event';

const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const letter = { rejectedBy: 'x', origin: 'nats:gw.a', reason: 'r', rawBase64: '', receivedAt: '2026-11-23T00:00:00Z', deliveryAttempts: 1 };

describe('decodeEvent', () => {
  it('accepts an envelope whose payload matches its type', () => {
    const envelope = createEnvelope({ id: 'e1', source: '/t', type: 'vigil.dead-letter.recorded', data: letter, time: new Date(0) });
    expect(decodeEvent(bytes(envelope))).toEqual({ ok: true, envelope });
  });

  it.each([
    ['{', /^not UTF-8 JSON/],
    [{ specversion: '0.3' }, /^not a CloudEvents envelope: /],
    [createEnvelope({ id: 'e', source: '/t', type: 'vigil.nothing', data: {} }), /^unknown event type "vigil.nothing"/],
    [createEnvelope({ id: 'e', source: '/t', type: 'vigil.dead-letter.recorded', data: { ...letter, deliveryAttempts: -1 } }), /^invalid vigil.dead-letter.recorded payload: .* at data.deliveryAttempts/],
  ])('refuses %j with a reason', (input, reason) => {
    const result = decodeEvent(bytes(input));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
});
