import { encryptContent } from './aes-cbc';
import { buildFrame, OutgoingMessage } from './frame-builder';
import { AccountLookup, parseFrame, readFrame } from './frame-parser';
import { wrapFrame } from './frame-envelope';

const KEY = Buffer.from('AAAAAAAAAAAAAAAA', 'latin1');
const STAMP = new Date('2026-01-01T10:00:00Z');
const accounts: Record<string, { key?: Buffer }> = { '1234': {}, '5678': { key: KEY } };
const lookup: AccountLookup = (account) => accounts[account];
const message = (fields: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  id: 'SIA-DCS',
  sequence: '0001',
  line: '0',
  account: '1234',
  data: '#1234|Nri1/BA01',
  ...fields,
});

describe('parseFrame', () => {
  it('reads a plain message', () => {
    const frame = buildFrame(message({ receiver: '12', xdata: ['M0026B9E4268B'], timestamp: STAMP }));
    expect(parseFrame(frame, lookup)).toEqual({
      ok: true,
      frame: {
        id: 'SIA-DCS',
        encrypted: false,
        sequence: '0001',
        receiver: '12',
        line: '0',
        account: '1234',
        data: '#1234|Nri1/BA01',
        xdata: ['M0026B9E4268B'],
        timestamp: STAMP,
      },
    });
  });

  it('decrypts an encrypted message with the account key', () => {
    const frame = buildFrame(message({ id: 'ADM-CID', account: '5678', data: '#5678|1130 01 003', timestamp: STAMP }), KEY);
    expect(parseFrame(frame, lookup)).toEqual({
      ok: true,
      frame: expect.objectContaining({ id: 'ADM-CID', encrypted: true, account: '5678', data: '#5678|1130 01 003', timestamp: STAMP }),
    });
  });

  it('takes the account from the data block when the header has none', () => {
    const frame = buildFrame(message({ account: undefined }));
    expect(parseFrame(frame, lookup)).toEqual({ ok: true, frame: expect.objectContaining({ account: '1234' }) });
  });

  it.each<[string, Buffer, string, RegExp]>([
    ['a wrong CRC', Buffer.from('\n96EE0016"SIA-DCS"0001L0#1234[]\r', 'latin1'), 'crc-mismatch', /96EE/],
    ['a garbled header', wrapFrame('"SIA-DCS"01L0#1234[]'), 'bad-header', /header/],
    ['an ID it does not handle', buildFrame(message({ id: 'ACK' })), 'unsupported-id', /ACK/],
    ['no account anywhere', buildFrame(message({ account: undefined, data: 'Nri1/BA01' })), 'bad-header', /no #account/],
    ['data and header naming different accounts', buildFrame(message({ data: '#9999|NBA01' })), 'bad-data', /9999 differs from header account 1234/],
    ['an unregistered account', buildFrame(message({ account: '4321', data: 'NBA01' })), 'unknown-account', /4321 is not registered/],
    ['a plain message from an account with a key', buildFrame(message({ account: '5678', data: 'NBA01' })), 'key-required', /has a key/],
    ['an encrypted message from an account without one', buildFrame(message({ timestamp: STAMP }), KEY), 'no-key', /no key/],
    ['the wrong key', buildFrame(message({ account: '5678', data: 'NBA01', timestamp: STAMP }), Buffer.alloc(16, 1)), 'decrypt-failed', /wrong key/],
    ['cipher text that is not hex', wrapFrame('"*SIA-DCS"0001L0#5678[NOTHEX'), 'decrypt-failed', /hex/],
    ['a wrong key whose garbage ends in the pad delimiter', wrapFrame(`"*SIA-DCS"0001L0#5678[${encryptContent(']', KEY)}`), 'decrypt-failed', /empty \(wrong key\?\)/],
    ['decrypted text that is not data]_timestamp', wrapFrame(`"*SIA-DCS"0001L0#5678[${encryptContent('NBA01', KEY)}`), 'decrypt-failed', /unreadable/],
    ['a bad plain timestamp', wrapFrame('"SIA-DCS"0001L0#1234[NBA01]_99:00:00,01-01-2026'), 'bad-timestamp', /99:00:00/],
    ['plain content that is not data]', wrapFrame('"SIA-DCS"0001L0#1234[NBA01'), 'bad-data', /data]/],
  ])('rejects %s', (_name, frame, code, reason) => {
    expect(parseFrame(frame, lookup)).toEqual(expect.objectContaining({ ok: false, rejection: { code, reason: expect.stringMatching(reason) } }));
  });

  it('keeps the header of a rejected frame so a DUH can echo it', () => {
    const result = parseFrame(buildFrame(message({ id: 'ACK' })), lookup);
    expect(result).toEqual(expect.objectContaining({ header: expect.objectContaining({ sequence: '0001', account: '1234' }) }));
  });
});

describe('readFrame', () => {
  it.each<[string, Buffer, string | undefined]>([
    ['header account', buildFrame(message()), '1234'],
    ['data account of a plain message', buildFrame(message({ account: undefined })), '1234'],
    ['header account of an encrypted message', buildFrame(message({ account: '5678', timestamp: STAMP }), KEY), '5678'],
    ['nothing from a bad CRC', Buffer.from('\n96EE0016"SIA-DCS"0001L0#1234[]\r', 'latin1'), undefined],
    ['nothing from garbage', Buffer.from('hello'), undefined],
    ['nothing when no account is named', buildFrame(message({ account: undefined, data: 'NBA01' })), undefined],
  ])('finds the %s without any register', (_name, frame, account) => {
    const read = readFrame(frame);
    expect(read.ok ? read.read.account : undefined).toBe(account);
  });
});
