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

describe('normaliseAirwave', () => {
  it('turns an SDS into a routine Police Airwaves call keyed by gateway and message id', () => {
    const result = normaliseAirwave('sds', bytes(sds), receivedAt);
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
  ])('status %d is %s', (value, urgency, summary) => {
    const result = normaliseAirwave('status', bytes({ ...status, status: value }), receivedAt);
    expect(result).toMatchObject({ kind: 'call', call: { urgency, summary, callKey: 'airwave:gw-herts-1:s-1' } });
  });

  it('reads a heartbeat', () => {
    expect(normaliseAirwave('heartbeat', bytes({ gatewayId: 'gw-herts-1', sentAt: '2026-11-23T02:14:00Z' }), receivedAt)).toEqual({
      kind: 'heartbeat',
      gatewayId: 'gw-herts-1',
      sentAt: '2026-11-23T02:14:00Z',
    });
  });

  it.each([
    ['sds', '{not json', /^not UTF-8 JSON/],
    ['sds', new Uint8Array([0xff, 0xfe]), /^not UTF-8 JSON/],
    ['sds', { ...sds, text: '' }, /^invalid Airwave SDS: text:/],
    ['sds', { ...sds, callingIssi: 0x1000000 }, /^invalid Airwave SDS: callingIssi:/],
    ['sds', { ...sds, occurredAt: 'yesterday' }, /^invalid Airwave SDS: occurredAt:/],
    ['status', { ...status, status: 70000 }, /^invalid Airwave status: status:/],
    ['heartbeat', {}, /^invalid Airwave heartbeat: gatewayId:/],
    ['telemetry', sds, /^unknown Airwave message kind "telemetry"/],
    [undefined, sds, /^unknown Airwave message kind ""/],
  ])('rejects %s %j with a reason', (kind, body, reason) => {
    const input = body instanceof Uint8Array ? body : bytes(body);
    const result = normaliseAirwave(kind, input, receivedAt);
    expect(result.kind).toBe('rejected');
    expect(result.kind === 'rejected' && result.reason).toMatch(reason);
  });
});
