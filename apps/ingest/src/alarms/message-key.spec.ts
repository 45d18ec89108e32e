import { ParsedFrame } from './dc09/frame-parser';
import { messageKey, transmissionId } from './message-key';

const T0 = new Date('2026-11-23T12:00:00Z');
const frame = (extra: Partial<ParsedFrame> = {}): ParsedFrame => ({
  id: 'SIA-DCS',
  encrypted: false,
  sequence: '0042',
  receiver: '12',
  line: '0',
  account: '1234',
  data: '#1234|NBA01',
  timestamp: T0,
  ...extra,
});

describe('transmissionId', () => {
  it.each<[string, Partial<ParsedFrame>]>([
    ['an encrypted resend (decrypted, pad already gone)', { encrypted: true }],
    ['a resend with a new timestamp', { timestamp: new Date(T0.getTime() + 90_000) }],
    ['a resend without a timestamp', { timestamp: undefined }],
  ])('is the same for %s', (_name, change) => {
    expect(transmissionId(frame(change))).toBe(transmissionId(frame()));
  });

  it.each<[string, Partial<ParsedFrame>]>([
    ['another sequence number', { sequence: '0043' }],
    ['other data', { data: '#1234|NBH01' }],
    ['another account', { account: '5678' }],
    ['another receiver', { receiver: '13' }],
    ['another line', { line: '1' }],
    ['x-data', { xdata: ['M00'] }],
    ['another message ID', { id: 'ADM-CID' }],
  ])('differs for %s', (_name, change) => {
    expect(transmissionId(frame(change))).not.toBe(transmissionId(frame()));
  });
});

describe('messageKey', () => {
  it('is the same for one transmission inside one window, and new for the next window', () => {
    expect(messageKey(frame({ timestamp: undefined }), T0)).toBe(messageKey(frame(), T0));
    expect(messageKey(frame(), new Date(T0.getTime() + 300_000))).not.toBe(messageKey(frame(), T0));
  });

  it('is safe as a bus message id', () => {
    expect(messageKey(frame(), T0)).toBe(`dc09-1234-0042-${T0.getTime()}-${transmissionId(frame())}`);
    expect(messageKey(frame(), T0)).toMatch(/^dc09-1234-0042-\d+-[0-9a-f]{16}$/);
  });
});
