import { decryptContent } from './aes-cbc';
import { openFrame } from './frame-envelope';
import { isEmptyContent, parseContent } from './message-content';

// The line is matched lazily: in a NAK's `L0A0[` the `A0` is the account placeholder, not line digits.
const REPLY = /^"(\*?)(ACK|NAK|DUH|RSP)"(\d{4})(?:R([0-9A-Fa-f]{1,6}))?L([0-9A-Fa-f]{1,6}?)(?:#([0-9A-Fa-f]{3,16})|A0)?\[(.*)$/;

/** A receiver's reply as a panel reads it. */
export interface ParsedReply {
  id: 'ACK' | 'NAK' | 'DUH' | 'RSP';
  encrypted: boolean;
  sequence: string;
  receiver?: string;
  line: string;
  account?: string;
  timestamp?: Date;
}

/** Reads a framed reply (the panel's side of the exchange); with a key, decrypts a `*ACK`/`*RSP`. */
export function parseReply(frame: Buffer, key?: Buffer): { ok: true; reply: ParsedReply } | { ok: false; reason: string } {
  const envelope = openFrame(frame);
  if (!envelope.ok) return { ok: false, reason: envelope.rejection.reason };
  const m = REPLY.exec(envelope.body);
  if (!m) return { ok: false, reason: 'not an ACK, NAK, DUH or RSP reply' };
  const [, star, id, sequence, receiver, line, account, rest] = m;
  let text = rest;
  if (star) {
    if (!key) return { ok: false, reason: 'encrypted reply but no key given' };
    const decrypted = decryptContent(rest, key);
    if (!decrypted.ok) return { ok: false, reason: decrypted.reason };
    text = decrypted.plain;
  }
  const content = parseContent(text);
  if (!content.ok) return { ok: false, reason: content.rejection.reason };
  if (star && isEmptyContent(content.content)) return { ok: false, reason: 'decrypted reply is empty (wrong key?)' };
  if (content.content.data) return { ok: false, reason: 'reply carries data' };
  const reply: ParsedReply = { id: id as ParsedReply['id'], encrypted: star === '*', sequence, receiver, line, account };
  if (content.content.timestamp) reply.timestamp = content.content.timestamp;
  return { ok: true, reply };
}
