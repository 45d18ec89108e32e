import { crc16Arc, hex4 } from './crc16-arc';
import { reject, Rejection } from './rejection';

const LF = 0x0a;
const CR = 0x0d;
const HEAD = /^[0-9A-Fa-f]{8}$/;

/** The message between the length field and CR, once LF, CR, length and CRC all check out. */
export type EnvelopeResult = { ok: true; body: string } | { ok: false; rejection: Rejection };

/** Frames a message body: LF, CRC and length of the body as 4 hex digits each, the body, CR. */
export function wrapFrame(body: string): Buffer {
  const bytes = Buffer.from(body, 'latin1');
  return Buffer.concat([
    Buffer.from(`\n${hex4(crc16Arc(bytes))}${hex4(bytes.length)}`, 'latin1'),
    bytes,
    Buffer.from('\r', 'latin1'),
  ]);
}

/** Checks the framing of one LF..CR frame and returns its body. */
export function openFrame(frame: Buffer): EnvelopeResult {
  if (frame.length < 2 || frame[0] !== LF || frame[frame.length - 1] !== CR) {
    return reject('unframed', 'frame does not start with LF and end with CR');
  }
  const head = frame.subarray(1, 9).toString('latin1');
  const body = frame.subarray(9, frame.length - 1);
  if (!HEAD.test(head)) return reject('bad-header', 'CRC and length are not 8 hex digits after LF');
  if (body[0] !== 0x22) return reject('bad-header', 'message does not start with a quote after CRC and length');
  const declaredLength = head.slice(4).toUpperCase();
  const declaredCrc = head.slice(0, 4).toUpperCase();
  const actualLength = hex4(body.length);
  const actualCrc = hex4(crc16Arc(body));
  const crcNote = declaredCrc === actualCrc ? '' : `; CRC declared ${declaredCrc}, calculated ${actualCrc}`;
  if (declaredLength !== actualLength) {
    return reject('length-mismatch', `declared length ${declaredLength} but message is ${actualLength} bytes${crcNote}`);
  }
  if (crcNote) return reject('crc-mismatch', crcNote.slice(2));
  return { ok: true, body: body.toString('latin1') };
}
