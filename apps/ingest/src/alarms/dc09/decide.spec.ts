import { decide, DecideOptions, Decision } from './decide';
import { buildFrame, OutgoingMessage } from './frame-builder';
import { wrapFrame } from './frame-envelope';
import { AccountLookup } from './frame-parser';
import { parseReply } from './reply-parser';

const KEY = Buffer.from('AAAAAAAAAAAAAAAA', 'latin1');
const NOW = new Date('2026-11-23T12:00:00Z');
const accounts: Record<string, { key?: Buffer }> = { '1234': {}, '5678': { key: KEY }, BAD: { key: Buffer.alloc(10) } };
const lookup: AccountLookup = (account) => accounts[account];
const DUH_POLICY: DecideOptions = { unknownCodePolicy: 'duh' };
const FLAG_POLICY: DecideOptions = { unknownCodePolicy: 'ack-and-flag' };
const message = (fields: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  id: 'SIA-DCS',
  sequence: '0042',
  line: '1',
  account: '1234',
  data: '#1234|Nri1/BA01',
  ...fields,
});
const plain = (fields: Partial<OutgoingMessage> = {}): Buffer => buildFrame(message(fields));
const secret = (fields: Partial<OutgoingMessage> = {}): Buffer =>
  buildFrame(message({ account: '5678', data: '#5678|Nri1/BA01', timestamp: NOW, ...fields }), KEY);

/** The decision reduced to what the table states: verdict, outcome, reply type, signal codes. */
function summary(decision: Decision): [string, string, string, string[]] {
  const reply = parseReply(decision.reply, KEY);
  const signals = decision.verdict === 'accept' ? decision.signals.map((s) => `${s.code}:${s.qualifier}`) : [];
  return [decision.verdict, decision.outcome, reply.ok ? reply.reply.id : `bad reply: ${reply.reason}`, signals];
}

describe('decide', () => {
  it.each<[string, Buffer, DecideOptions, [string, string, string, string[]]]>([
    ['an intruder alarm', plain(), DUH_POLICY, ['accept', 'signals', 'ACK', ['BA:new']]],
    ['its restore', plain({ data: '#1234|Nri1/BH01' }), DUH_POLICY, ['accept', 'signals', 'ACK', ['BH:restore']]],
    ['several events in one message', plain({ data: '#1234|Nri1/BA01/BA02' }), DUH_POLICY, ['accept', 'signals', 'ACK', ['BA:new', 'BA:new']]],
    ['a Contact ID restore', plain({ id: 'ADM-CID', data: '#1234|3130 01 003' }), DUH_POLICY, ['accept', 'signals', 'ACK', ['130:restore']]],
    ['a plain link test', plain({ id: 'NULL', data: '' }), DUH_POLICY, ['accept', 'link-test', 'ACK', []]],
    ['an encrypted link test', secret({ id: 'NULL', data: '' }), DUH_POLICY, ['accept', 'link-test', 'ACK', []]],
    ['an encrypted alarm', secret(), DUH_POLICY, ['accept', 'signals', 'ACK', ['BA:new']]],
    ['a SIA-DCS message without events', plain({ data: '#1234|' }), DUH_POLICY, ['accept', 'no-events', 'ACK', []]],
    ['a timestamp inside the window', plain({ timestamp: new Date(NOW.getTime() - 39_000) }), DUH_POLICY, ['accept', 'signals', 'ACK', ['BA:new']]],
    ['x-data asking for a response', plain({ xdata: ['K0123456789ABCDEF'] }), DUH_POLICY, ['accept', 'response-requested', 'RSP', ['BA:new']]],
    ['an unknown code, policy ack-and-flag', plain({ data: '#1234|NZX01' }), FLAG_POLICY, ['accept', 'unknown-code-flagged', 'ACK', ['ZX:new']]],
    ['an unknown code, policy duh', plain({ data: '#1234|NZX01' }), DUH_POLICY, ['reject', 'unknown-code', 'DUH', []]],
    ['a panel clock 60 s behind', plain({ timestamp: new Date(NOW.getTime() - 60_000) }), DUH_POLICY, ['reject', 'clock-drift', 'NAK', []]],
    ['a panel clock 30 s ahead', secret({ timestamp: new Date(NOW.getTime() + 30_000) }), DUH_POLICY, ['reject', 'clock-drift', 'NAK', []]],
    ['an unknown account', plain({ account: '4321', data: 'NBA01' }), DUH_POLICY, ['reject', 'unknown-account', 'NAK', []]],
    ['a corrupted CRC', Buffer.from('\n96EE0016"SIA-DCS"0001L0#1234[]\r', 'latin1'), DUH_POLICY, ['reject', 'crc-mismatch', 'NAK', []]],
    ['a wrong length', Buffer.from('\n96ED0017"SIA-DCS"0001L0#1234[]\r', 'latin1'), DUH_POLICY, ['reject', 'length-mismatch', 'NAK', []]],
    ['bytes without framing', Buffer.from('"SIA-DCS"0001L0#1234[]', 'latin1'), DUH_POLICY, ['reject', 'unframed', 'NAK', []]],
    ['a garbled header', wrapFrame('"SIA-DCS"01L0#1234[]'), DUH_POLICY, ['reject', 'bad-header', 'NAK', []]],
    ['an unsupported ID', plain({ id: 'ACK', data: '' }), DUH_POLICY, ['reject', 'unsupported-id', 'DUH', []]],
    ['unreadable SIA data', plain({ data: '#1234|N/!!' }), DUH_POLICY, ['reject', 'bad-data', 'DUH', []]],
    ['unreadable Contact ID data', plain({ id: 'ADM-CID', data: '#1234|9999' }), DUH_POLICY, ['reject', 'bad-data', 'DUH', []]],
    ['a plain message from a keyed account', plain({ account: '5678', data: 'NBA01' }), DUH_POLICY, ['reject', 'key-required', 'NAK', []]],
    ['an encrypted message from an account without a key', buildFrame(message({ timestamp: NOW }), KEY), DUH_POLICY, ['reject', 'no-key', 'NAK', []]],
    ['the wrong key', buildFrame(message({ account: '5678', data: 'NBA01', timestamp: NOW }), Buffer.alloc(16, 3)), DUH_POLICY, ['reject', 'decrypt-failed', 'NAK', []]],
    ['an account whose registered key has a bad size', buildFrame(message({ account: 'BAD', data: 'NBA01', timestamp: NOW }), KEY), DUH_POLICY, ['reject', 'decrypt-failed', 'NAK', []]],
    ['an encrypted message without a timestamp', secret({ timestamp: undefined }), DUH_POLICY, ['reject', 'bad-timestamp', 'DUH', []]],
  ])('%s', (_name, frame, options, expected) => {
    expect(summary(decide(frame, lookup, NOW, options))).toEqual(expected);
  });

  it('ACKs an alarm with the exact DC-09 echo and keeps a NAK for a failed hand-off', () => {
    const decision = decide(plain({ receiver: '12' }), lookup, NOW, DUH_POLICY);
    expect(decision.reply.toString('latin1')).toBe('\nBAB00015"ACK"0042R12L1#1234[]\r');
    expect(decision.verdict === 'accept' && decision.failureReply.toString('latin1')).toBe('\nC40B0025"NAK"0000R0L0A0[]_12:00:00,11-23-2026\r');
  });

  it('NAKs a drifting clock with the receiver time', () => {
    const decision = decide(plain({ timestamp: new Date('2020-07-09T16:04:02Z') }), lookup, NOW, DUH_POLICY);
    expect(decision.reply.toString('latin1')).toBe('\nC40B0025"NAK"0000R0L0A0[]_12:00:00,11-23-2026\r');
    expect(decision.reason).toMatch(/behind the receiver/);
  });

  it('DUHs with the sequence, receiver, line and account echoed', () => {
    const decision = decide(plain({ receiver: '12', data: '#1234|NZX01' }), lookup, NOW, DUH_POLICY);
    expect(parseReply(decision.reply)).toEqual({ ok: true, reply: expect.objectContaining({ id: 'DUH', sequence: '0042', receiver: '12', line: '1', account: '1234' }) });
  });

  it('answers an encrypted message with an encrypted ACK carrying the receiver time', () => {
    const decision = decide(secret(), lookup, NOW, DUH_POLICY);
    expect(parseReply(decision.reply, KEY)).toEqual({ ok: true, reply: expect.objectContaining({ id: 'ACK', encrypted: true, account: '5678', timestamp: NOW }) });
  });

  it('classifies the signals it accepts', () => {
    const decision = decide(plain({ data: '#1234|Nri2/PA07' }), lookup, NOW, DUH_POLICY);
    expect(decision.verdict === 'accept' && decision.signals).toEqual([
      expect.objectContaining({
        code: 'PA',
        zone: 7,
        partition: 2,
        classification: { kind: 'personal-attack', category: 'Alarm Activation', subcategory: 'Personal Attack', incident: true },
      }),
    ]);
  });

  it('tells a frame that checked out but was refused (panel alive) from one that never did', () => {
    expect(decide(plain({ timestamp: new Date(0) }), lookup, NOW, DUH_POLICY)).toEqual(expect.objectContaining({ frame: expect.objectContaining({ account: '1234' }) }));
    expect(decide(plain({ account: '4321', data: 'NBA01' }), lookup, NOW, DUH_POLICY)).toEqual(expect.objectContaining({ frame: undefined, account: '4321' }));
  });
});
