import { ParsedFrame } from './dc09/frame-parser';
import { messageKey } from './message-key';

const frame = (extra: Partial<ParsedFrame> = {}): ParsedFrame => ({
  id: 'SIA-DCS',
  encrypted: false,
  sequence: '0042',
  line: '0',
  account: '1234',
  data: '#1234|NBA01',
  timestamp: new Date('2026-11-23T12:00:00Z'),
  ...extra,
});

describe('messageKey', () => {
  it('is the same for a resend of the same message, encrypted or not', () => {
    expect(messageKey(frame())).toBe(messageKey(frame({ encrypted: true, receiver: '12' })));
  });

  it.each<[string, Partial<ParsedFrame>]>([
    ['another sequence number', { sequence: '0043' }],
    ['another timestamp', { timestamp: new Date('2026-11-23T12:00:01Z') }],
    ['other data', { data: '#1234|NBH01' }],
    ['another account', { account: '5678' }],
    ['x-data', { xdata: ['M00'] }],
    ['no timestamp', { timestamp: undefined }],
  ])('differs for %s', (_name, change) => {
    expect(messageKey(frame(change))).not.toBe(messageKey(frame()));
  });

  it('is safe as a bus message id', () => {
    expect(messageKey(frame())).toMatch(/^dc09-1234-0042-[0-9.]+-[0-9a-f]{16}$/);
  });
});
