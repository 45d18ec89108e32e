import { callReceivedSchema } from '@vigil/contracts';
import { normaliseAirwave } from './normalise-airwave';

const receivedAt = new Date('2026-11-23T02:14:00.000Z');
const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const sds = {
  gatewayId: 'gw-herts-1',
  messageId: 'm-1',
  occurredAt: '2026-11-23T02:13:58.000Z',
  callingIssi: 2260101,
  called: { kind: 'gssi', id: 9001 },
  text: 'Fight outside Hitchin station',
};
const status = { gatewayId: 'gw-herts-1', messageId: 's-1', occurredAt: '2026-11-23T02:13:58Z', callingIssi: 2260102, status: 0 };
const call = {
  gatewayId: 'gw-herts-1',
  messageId: 'c-1',
  occurredAt: '2026-11-23T02:13:59Z',
  callingIssi: 2260102,
  called: { kind: 'gssi', id: 9001 },
  callType: 'group',
  emergency: true,
};
const point = { lat: 51.9489, lon: -0.2834, accuracyM: 12 };

describe('normaliseAirwave', () => {
  it('turns an SDS into a routine Police Airwaves call keyed by gateway and message id', () => {
    const result = normaliseAirwave('sds', 'gw-herts-1', bytes(sds), receivedAt);
    expect(result).toEqual({
      kind: 'call',
      call: expect.objectContaining({
        callKey: 'airwave:gw-herts-1:m-1',
        source: 'Police Airwaves',
        urgency: 'routine',
        summary: 'Fight outside Hitchin station',
        receivedAt: '2026-11-23T02:14:00.000Z',
        occurredAt: sds.occurredAt,
        location: { issi: 2260101, talkgroup: 9001 },
        raw: sds,
      }),
    });
  });

  it.each([
    [0, 'emergency', 'EMERGENCY status from ISSI 2260102'],
    [5, 'routine', 'Status 5 from ISSI 2260102'],
    [0xffff, 'routine', 'Status 65535 from ISSI 2260102'],
  ])('status %d is %s', (value, urgency, summary) => {
    const result = normaliseAirwave('status', 'gw-herts-1', bytes({ ...status, status: value }), receivedAt);
    expect(result).toMatchObject({
      kind: 'call',
      call: { urgency, summary, callKey: 'airwave:gw-herts-1:s-1', categoryHint: { category: 'Police Request' } },
    });
  });

  it('turns an emergency call set-up into an emergency call with no category', () => {
    expect(normaliseAirwave('call', 'gw-herts-1', bytes(call), receivedAt)).toEqual({
      kind: 'call',
      call: {
        callKey: 'airwave:gw-herts-1:c-1',
        source: 'Police Airwaves',
        sourceMessageId: 'c-1',
        receivedAt: '2026-11-23T02:14:00.000Z',
        occurredAt: '2026-11-23T02:13:59Z',
        urgency: 'emergency',
        summary: 'EMERGENCY call from ISSI 2260102 to talkgroup 9001',
        location: { issi: 2260102, talkgroup: 9001 },
        raw: call,
      },
    });
  });

  it.each([
    [
      'an emergency individual call',
      { callType: 'individual', called: { kind: 'issi', id: 2260001 } },
      'emergency',
      'EMERGENCY call from ISSI 2260102 to ISSI 2260001',
      undefined,
    ],
    ['an emergency call with no called party', { called: undefined }, 'emergency', 'EMERGENCY call from ISSI 2260102', undefined],
    ['a group call', { emergency: false }, 'routine', 'Group call from ISSI 2260102 to talkgroup 9001', 'Police Request'],
    [
      'an individual call',
      { emergency: false, callType: 'individual', called: { kind: 'issi', id: 2260001 } },
      'routine',
      'Individual call from ISSI 2260102 to ISSI 2260001',
      'Police Request',
    ],
    [
      'a group call to an ISSI, named as sent',
      { emergency: false, called: { kind: 'issi', id: 7 } },
      'routine',
      'Group call from ISSI 2260102 to ISSI 7',
      'Police Request',
    ],
  ])('reads %s', (_name, change, urgency, summary, category) => {
    const result = normaliseAirwave('call', 'gw-herts-1', bytes({ ...call, ...change }), receivedAt);
    expect(result.kind === 'call' && result.call).toMatchObject({ urgency, summary });
    expect(result.kind === 'call' && result.call.categoryHint).toEqual(category ? { category } : undefined);
  });

  it.each([
    ['sds', { ...sds, called: { kind: 'issi', id: 2260001 }, location: point }, { issi: 2260101, point }],
    ['sds', { ...sds, called: undefined }, { issi: 2260101 }],
    ['status', { ...status, location: point }, { issi: 2260102, point }],
    ['call', { ...call, location: point }, { issi: 2260102, talkgroup: 9001, point }],
    ['call', { ...call, called: { kind: 'issi', id: 2260001 } }, { issi: 2260102 }],
  ])('gives %s %j the location hints %j', (kind, body, location) => {
    const result = normaliseAirwave(kind, 'gw-herts-1', bytes(body), receivedAt);
    expect(result.kind === 'call' && result.call.location).toEqual(location);
  });

  it.each([
    ['sds', sds],
    ['status', status],
    ['call', call],
    ['call', { ...call, emergency: false }],
  ])('produces a %s call that meets the CallReceived contract', (kind, body) => {
    const result = normaliseAirwave(kind, 'gw-herts-1', bytes(body), receivedAt);
    expect(result.kind).toBe('call');
    expect(result.kind === 'call' && callReceivedSchema.parse(result.call)).toBeTruthy();
  });

  it('reads a heartbeat', () => {
    expect(normaliseAirwave('heartbeat', 'gw-herts-1', bytes({ gatewayId: 'gw-herts-1', sentAt: '2026-11-23T02:14:00Z' }), receivedAt)).toEqual({
      kind: 'heartbeat',
      gatewayId: 'gw-herts-1',
      sentAt: '2026-11-23T02:14:00Z',
    });
  });

  it.each([
    ['broken JSON', 'sds', '{not json', /^not UTF-8 JSON/],
    ['invalid UTF-8', 'sds', new Uint8Array([0xff, 0xfe]), /^not UTF-8 JSON/],
    ['a body over 64 KiB', 'sds', { ...sds, text: 'x'.repeat(70_000) }, /^payload too large: /],
    ['text Postgres cannot store', 'sds', { ...sds, text: 'x\u0000' }, /^text at text contains U\+0000/],
    ['an empty SDS text', 'sds', { ...sds, text: '' }, /^invalid Airwave SDS: text:/],
    ['an ISSI over 24 bits', 'sds', { ...sds, callingIssi: 0x1000000 }, /^invalid Airwave SDS: callingIssi:/],
    ['an SDS with no time', 'sds', { ...sds, occurredAt: 'yesterday' }, /^invalid Airwave SDS: occurredAt:/],
    ['an unknown identity kind', 'sds', { ...sds, called: { kind: 'tsi', id: 1 } }, /^invalid Airwave SDS: called\.kind:/],
    ['a latitude past the pole', 'sds', { ...sds, location: { lat: 91, lon: 0 } }, /^invalid Airwave SDS: location\.lat:/],
    ['a status over 16 bits', 'status', { ...status, status: 70000 }, /^invalid Airwave status: status:/],
    ['a fractional status', 'status', { ...status, status: 1.5 }, /^invalid Airwave status: status:/],
    ['a non-boolean emergency flag', 'call', { ...call, emergency: 'yes' }, /^invalid Airwave call: emergency:/],
    ['an unknown call type', 'call', { ...call, callType: 'broadcast' }, /^invalid Airwave call: callType:/],
    ['an empty message id', 'call', { ...call, messageId: '' }, /^invalid Airwave call: messageId:/],
    ['a call in an array', 'call', [call], /^invalid Airwave call: \(message\):/],
    ['an empty heartbeat', 'heartbeat', {}, /^invalid Airwave heartbeat: gatewayId:/],
    ['a heartbeat with no zone', 'heartbeat', { gatewayId: 'gw-herts-1', sentAt: '2026-11-23 02:14' }, /^invalid Airwave heartbeat: sentAt:/],
    ['an unknown kind', 'telemetry', sds, /^unknown Airwave message kind "telemetry" \(expected sds, status, call or heartbeat\)$/],
    ['a missing kind', undefined, sds, /^unknown Airwave message kind ""/],
    ['an SDS naming another gateway', 'sds', { ...sds, gatewayId: 'gw-herts-2' }, /^payload names gateway "gw-herts-2" but came from gateway "gw-herts-1": a gateway speaks only for itself$/],
    ['a status naming another gateway', 'status', { ...status, gatewayId: 'gw-herts-2' }, /^payload names gateway "gw-herts-2"/],
    ['a call naming another gateway', 'call', { ...call, gatewayId: 'gw-herts-2' }, /^payload names gateway "gw-herts-2"/],
    ['a heartbeat naming another gateway', 'heartbeat', { gatewayId: 'gw-herts-2', sentAt: '2026-11-23T02:14:00Z' }, /^payload names gateway "gw-herts-2"/],
  ])('rejects %s', (_name, kind, body, reason) => {
    const input = body instanceof Uint8Array ? body : bytes(body);
    const result = normaliseAirwave(kind, 'gw-herts-1', input, receivedAt);
    expect(result.kind).toBe('rejected');
    expect(result.kind === 'rejected' && result.reason).toMatch(reason);
  });
});
