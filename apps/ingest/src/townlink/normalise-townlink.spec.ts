import { callReceivedSchema } from '@vigil/contracts';
import { normaliseTownlink } from './normalise-townlink';

const receivedAt = new Date('2026-11-23T22:41:00.000Z');
const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const memberCall = {
  gatewayId: 'tl-hitchin',
  messageId: 'mc-1',
  occurredAt: '2026-11-23T22:40:51Z',
  scheme: 'Town Link',
  memberId: 'TL-118',
  business: 'Boots',
  town: 'Hitchin',
  radioId: 'R-0118',
  text: 'Male shoplifter leaving towards the market, grey hoodie',
};
const panic = {
  gatewayId: 'pl-stevenage',
  messageId: 'p-1',
  occurredAt: '2026-11-23T22:40:55+00:00',
  scheme: 'Pub Link',
  memberId: 'PL-042',
  business: 'The Red Lion',
  town: 'Stevenage Old Town',
  radioId: 'R-7',
};
const radioState = {
  gatewayId: 'tl-hitchin',
  messageId: 'rs-1',
  occurredAt: '2026-11-23T22:39:00Z',
  scheme: 'Town Link',
  radioId: 'R-0118',
  memberId: 'TL-118',
  state: 'stunned',
  by: 'Operator 3',
  reason: 'reported stolen',
};
const heartbeat = { gatewayId: 'tl-hitchin', baseStation: 'Hitchin BS1', sentAt: '2026-11-23T22:41:00Z' };

describe('normaliseTownlink', () => {
  it('turns a member call into a routine Town Link call keyed by gateway and message id', () => {
    expect(normaliseTownlink('member-call', 'tl-hitchin', bytes(memberCall), receivedAt)).toEqual({
      kind: 'call',
      call: {
        callKey: 'townlink:tl-hitchin:mc-1',
        source: 'Town Link',
        sourceMessageId: 'mc-1',
        receivedAt: '2026-11-23T22:41:00.000Z',
        occurredAt: '2026-11-23T22:40:51Z',
        urgency: 'routine',
        summary: 'Town Link Boots (member TL-118): Male shoplifter leaving towards the market, grey hoodie',
        location: { town: 'Hitchin', radioMember: 'TL-118' },
        raw: memberCall,
      },
    });
  });

  it('turns a panic press into an emergency call', () => {
    expect(normaliseTownlink('panic', 'pl-stevenage', bytes(panic), receivedAt)).toEqual({
      kind: 'call',
      call: {
        callKey: 'townlink:pl-stevenage:p-1',
        source: 'Town Link',
        sourceMessageId: 'p-1',
        receivedAt: '2026-11-23T22:41:00.000Z',
        occurredAt: '2026-11-23T22:40:55+00:00',
        urgency: 'emergency',
        summary: 'PANIC button: The Red Lion, Stevenage Old Town (Pub Link member PL-042, radio R-7)',
        location: { town: 'Stevenage Old Town', radioMember: 'PL-042' },
        raw: panic,
      },
    });
  });

  it.each([
    ['a Pub Link member call', 'member-call', { ...memberCall, scheme: 'Pub Link', business: 'The Bell' }, 'Pub Link The Bell (member TL-118): '],
    ['a member call with no radio id', 'member-call', { ...memberCall, radioId: undefined }, 'Town Link Boots (member TL-118): '],
    ['a Town Link panic', 'panic', { ...panic, scheme: 'Town Link' }, 'PANIC button: The Red Lion, Stevenage Old Town (Town Link member'],
  ])('names the scheme in %s and still counts it as Town Link', (_name, kind, body, summaryStart) => {
    const result = normaliseTownlink(kind, body.gatewayId, bytes(body), receivedAt);
    expect(result.kind === 'call' && result.call.source).toBe('Town Link');
    expect(result.kind === 'call' && result.call.summary.startsWith(summaryStart)).toBe(true);
  });

  it('keeps the town as sent, for triage to resolve', () => {
    const result = normaliseTownlink('member-call', 'tl-hitchin', bytes({ ...memberCall, town: 'hitchin town centre ' }), receivedAt);
    expect(result.kind === 'call' && result.call.location).toEqual({ town: 'hitchin town centre ', radioMember: 'TL-118' });
  });

  it('keeps fields it does not know in raw', () => {
    const body = { ...memberCall, signalStrength: -71 };
    const result = normaliseTownlink('member-call', 'tl-hitchin', bytes(body), receivedAt);
    expect(result.kind === 'call' && result.call.raw).toEqual(body);
  });

  it.each([
    ['member-call', memberCall],
    ['panic', panic],
  ])('produces a %s call that meets the CallReceived contract', (kind, body) => {
    const result = normaliseTownlink(kind, body.gatewayId, bytes(body), receivedAt);
    expect(result.kind).toBe('call');
    expect(result.kind === 'call' && callReceivedSchema.parse(result.call)).toBeTruthy();
  });

  it.each([
    ['a stun', radioState, radioState],
    ['a bare re-enable', { ...radioState, state: 're-enabled', memberId: undefined, by: undefined, reason: undefined }, {
      gatewayId: 'tl-hitchin',
      messageId: 'rs-1',
      occurredAt: '2026-11-23T22:39:00Z',
      scheme: 'Town Link',
      radioId: 'R-0118',
      state: 're-enabled',
    }],
    ['a stun without unknown fields', { ...radioState, colour: 'red' }, radioState],
  ])('reads %s', (_name, body, change) => {
    expect(normaliseTownlink('radio-state', 'tl-hitchin', bytes(body), receivedAt)).toEqual({ kind: 'radio-state', change });
  });

  it.each([
    ['with a base station', heartbeat, heartbeat],
    ['without a base station', { ...heartbeat, baseStation: undefined }, { gatewayId: 'tl-hitchin', sentAt: '2026-11-23T22:41:00Z' }],
  ])('reads a heartbeat %s', (_name, body, expected) => {
    expect(normaliseTownlink('heartbeat', 'tl-hitchin', bytes(body), receivedAt)).toEqual({ kind: 'heartbeat', ...expected });
  });

  it.each([
    ['broken JSON', 'member-call', '{"gatewayId": ', /^not UTF-8 JSON: /],
    ['invalid UTF-8', 'panic', new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]), /^not UTF-8 JSON: /],
    ['a body over 64 KiB', 'member-call', { ...memberCall, padding: 'x'.repeat(70_000) }, /^payload too large: \d+ bytes, over the 64 KiB limit$/],
    ['a lone surrogate', 'member-call', { ...memberCall, text: 'x\ud800' }, /^text at text contains an unpaired UTF-16 surrogate/],
    ['an unknown scheme', 'member-call', { ...memberCall, scheme: 'Shop Link' }, /^invalid Town Link member call: scheme:/],
    ['an empty member call text', 'member-call', { ...memberCall, text: '' }, /^invalid Town Link member call: text:/],
    ['a member call text over 2000 characters', 'member-call', { ...memberCall, text: 'x'.repeat(2001) }, /^invalid Town Link member call: text:/],
    ['a member call with no town', 'member-call', { ...memberCall, town: undefined }, /^invalid Town Link member call: town:/],
    ['a member call with a numeric member id', 'member-call', { ...memberCall, memberId: 118 }, /^invalid Town Link member call: memberId:/],
    ['a member call with a bad time', 'member-call', { ...memberCall, occurredAt: '2026-02-30T10:00:00Z' }, /^invalid Town Link member call: occurredAt:/],
    ['a panic with no radio id', 'panic', { ...panic, radioId: undefined }, /^invalid Town Link panic: radioId:/],
    ['a panic with no business', 'panic', { ...panic, business: '' }, /^invalid Town Link panic: business:/],
    ['a panic that is a string', 'panic', '"help"', /^invalid Town Link panic: \(message\):/],
    ['an unknown radio state', 'radio-state', { ...radioState, state: 'lost' }, /^invalid Town Link radio state: state:/],
    ['a radio state reason over 500 characters', 'radio-state', { ...radioState, reason: 'x'.repeat(501) }, /^invalid Town Link radio state: reason:/],
    ['a radio state with no radio', 'radio-state', { ...radioState, radioId: undefined }, /^invalid Town Link radio state: radioId:/],
    ['a heartbeat with no time', 'heartbeat', { gatewayId: 'tl-hitchin' }, /^invalid Town Link heartbeat: sentAt:/],
    ['a heartbeat with an empty base station', 'heartbeat', { ...heartbeat, baseStation: '' }, /^invalid Town Link heartbeat: baseStation:/],
    ['a null heartbeat', 'heartbeat', 'null', /^invalid Town Link heartbeat: \(message\):/],
    ['an Airwave kind', 'sds', memberCall, /^unknown Town Link message kind "sds" \(expected member-call, panic, radio-state or heartbeat\)$/],
    ['a missing kind', undefined, memberCall, /^unknown Town Link message kind "" /],
    ['a member call naming another gateway', 'member-call', { ...memberCall, gatewayId: 'tl-royston' }, /^payload names gateway "tl-royston" but came from gateway "tl-hitchin"/],
    ['a panic naming another gateway', 'panic', { ...panic, gatewayId: 'tl-royston' }, /^payload names gateway "tl-royston" but came from gateway "tl-hitchin"/],
    ['a radio state naming another gateway', 'radio-state', { ...radioState, gatewayId: 'tl-royston' }, /^payload names gateway "tl-royston"/],
    ['a heartbeat naming another gateway', 'heartbeat', { ...heartbeat, gatewayId: 'tl-royston' }, /^payload names gateway "tl-royston"/],
  ])('rejects %s', (_name, kind, body, reason) => {
    const input = body instanceof Uint8Array ? body : bytes(body);
    const result = normaliseTownlink(kind, 'tl-hitchin', input, receivedAt);
    expect(result.kind).toBe('rejected');
    expect(result.kind === 'rejected' && result.reason).toMatch(reason);
  });
});
