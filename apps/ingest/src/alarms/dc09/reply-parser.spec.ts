import { encryptContent } from './aes-cbc';
import { wrapFrame } from './frame-envelope';
import { parseReply } from './reply-parser';
import { ackFrame, duhFrame, nakFrame } from './response-builder';

const KEY = Buffer.from('AAAAAAAAAAAAAAAA', 'latin1');
const NOW = new Date('2026-11-23T08:13:21Z');
const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('parseReply', () => {
  it.each([
    ['a plain ACK', bytes('\n2081001A"ACK"0247R4F39L4F39#4F39[]\r'), undefined, { id: 'ACK', encrypted: false, sequence: '0247', receiver: '4F39', line: '4F39', account: '4F39' }],
    ['a NAK (fioletoven parse_nak_test)', bytes('\nE4410025"NAK"0000R0L0A0[]_16:20:01,09-24-2025\r'), undefined, { id: 'NAK', encrypted: false, sequence: '0000', receiver: '0', line: '0', account: undefined, timestamp: new Date('2025-09-24T16:20:01Z') }],
    ['our DUH', duhFrame({ sequence: '0001', line: '0', account: '1234' }), undefined, { id: 'DUH', encrypted: false, sequence: '0001', receiver: undefined, line: '0', account: '1234' }],
    ['our NAK', nakFrame(NOW), undefined, { id: 'NAK', encrypted: false, sequence: '0000', receiver: '0', line: '0', account: undefined, timestamp: NOW }],
    ['our encrypted ACK', ackFrame({ sequence: '0002', line: '0', account: '1111' }, { now: NOW, key: KEY }), KEY, { id: 'ACK', encrypted: true, sequence: '0002', receiver: undefined, line: '0', account: '1111', timestamp: NOW }],
  ])('reads %s', (_name, frame, key, reply) => {
    expect(parseReply(frame, key)).toEqual({ ok: true, reply });
  });

  it.each([
    ['a message, not a reply', bytes('\n96ED0016"SIA-DCS"0001L0#1234[]\r'), undefined],
    ['a reply with a bad CRC', bytes('\n2081001B"ACK"0247R4F39L4F39#4F39[]\r'), undefined],
    ['an encrypted reply without the key', ackFrame({ sequence: '0002', line: '0', account: '1111' }, { now: NOW, key: KEY }), undefined],
    ['an encrypted reply with the wrong key', ackFrame({ sequence: '0002', line: '0', account: '1111' }, { now: NOW, key: KEY }), Buffer.alloc(16)],
    ['a wrong key whose garbage ends in the pad delimiter', wrapFrame(`"*ACK"0002L0#1111[${encryptContent(']', KEY)}`), KEY],
  ])('refuses %s', (_name, frame, key) => {
    expect(parseReply(frame, key)).toEqual({ ok: false, reason: expect.any(String) });
  });
});
