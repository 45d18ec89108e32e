import { reject, Rejection } from './rejection';

const HEADER = /^"(\*?)([A-Z0-9-]{1,16})"(\d{4})(?:R([0-9A-Fa-f]{1,6}))?L([0-9A-Fa-f]{1,6})(?:#([0-9A-Fa-f]{3,16}))?\[/;

/** The routing part of a message, from the quoted ID to the opening bracket of the data. */
export interface FrameHeader {
  id: string;
  encrypted: boolean;
  sequence: string;
  receiver?: string;
  line: string;
  /** Absent when the panel names its account only inside the data block. */
  account?: string;
  /** Everything after the opening `[`: plain data and timestamp, or hex cipher text. */
  rest: string;
}

/** Parses `"ID"seq[Rrcvr]Lline[#acct][` off the front of a message body. */
export function parseHeader(body: string): { ok: true; header: FrameHeader } | { ok: false; rejection: Rejection } {
  const m = HEADER.exec(body);
  if (!m) return reject('bad-header', 'header is not "ID"seq[Rrcvr]Lline[#acct][');
  const [all, star, id, sequence, receiver, line, account] = m;
  return {
    ok: true,
    header: { id, encrypted: star === '*', sequence, receiver, line, account, rest: body.slice(all.length) },
  };
}
