import { decryptContent } from './aes-cbc';
import { openFrame } from './frame-envelope';
import { ackFrame, duhFrame, nakFrame, ReplyTo, rspFrame } from './response-builder';

const NOW = new Date('2025-09-24T16:20:01Z');
const KEY = Buffer.from('AAAAAAAAAAAAAAAA', 'latin1');
const text = (frame: Buffer): string => frame.toString('latin1');
const to = (fields: Partial<ReplyTo> = {}): ReplyTo => ({ sequence: '7654', line: '0', account: '1111', ...fields });

describe('response builder', () => {
  it.each<[string, Buffer, string]>([
    ['plain ACK echoing receiver, line and account (pysiaalarm case_adm_cid2)', ackFrame(to({ sequence: '0247', receiver: '4F39', line: '4F39', account: '4F39' }), { now: NOW }), '\n2081001A"ACK"0247R4F39L4F39#4F39[]\r'],
    ['plain ACK without a receiver number', ackFrame(to(), { now: NOW }), '\n31960012"ACK"7654L0#1111[]\r'],
    ['plain ACK with receiver and line', ackFrame(to({ sequence: '0001', receiver: '12', line: '3', account: '1234' }), { now: NOW }), '\n64310015"ACK"0001R12L3#1234[]\r'],
    ['plain RSP', rspFrame(to({ sequence: '6002' }), { now: NOW }), '\n99C60012"RSP"6002L0#1111[]\r'],
    ['DUH, plain even for an encrypted account', duhFrame(to()), '\n0F480012"DUH"7654L0#1111[]\r'],
    ['NAK with the receiver time (fioletoven parse_nak_test)', nakFrame(NOW), '\nE4410025"NAK"0000R0L0A0[]_16:20:01,09-24-2025\r'],
  ])('%s', (_name, frame, expected) => {
    expect(text(frame)).toBe(expected);
  });

  it.each([
    ['ACK', ackFrame],
    ['RSP', rspFrame],
  ])('encrypts the %s body to pad|]_timestamp with the account key', (id, build) => {
    const frame = build(to(), { now: NOW, key: KEY, pad: (n: number) => 'x'.repeat(n) });
    const envelope = openFrame(frame);
    expect(envelope.ok).toBe(true);
    const body = envelope.ok ? envelope.body : '';
    expect(body.startsWith(`"*${id}"7654L0#1111[`)).toBe(true);
    const cipher = body.slice(body.indexOf('[') + 1);
    expect(decryptContent(cipher, KEY)).toEqual({ ok: true, plain: ']_16:20:01,09-24-2025' });
  });

  it('never echoes the data of the frame it answers', () => {
    const frame = { ...to(), data: '#1111|NBA01', xdata: ['K1234'], timestamp: NOW };
    expect(text(ackFrame(frame, { now: NOW }))).toBe('\n31960012"ACK"7654L0#1111[]\r');
  });
});
