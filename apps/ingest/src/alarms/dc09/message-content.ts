import { parseDc09Timestamp } from './dc09-timestamp';
import { reject, Rejection } from './rejection';

const CONTENT = /^([^[\]]*)\]((?:\[[^[\]]*\])*)(?:_(.*))?$/;
const PRINTABLE = /^[\x20-\x7e]*$/;

/** What follows the opening bracket: the data block, extended-data blocks, and the panel's timestamp. */
export interface MessageContent {
  data?: string;
  xdata?: string[];
  timestamp?: Date;
}

/** Parses `data]` + any `[xdata]` blocks + an optional `_HH:MM:SS,MM-DD-YYYY`. */
export function parseContent(text: string): { ok: true; content: MessageContent } | { ok: false; rejection: Rejection } {
  if (!PRINTABLE.test(text)) return reject('bad-data', 'message content holds non-printable characters');
  const m = CONTENT.exec(text);
  if (!m) return reject('bad-data', 'content is not data] followed by [x-data] blocks and _timestamp');
  const [, data, xdataBlocks, stamp] = m;
  const content: MessageContent = {};
  if (data) content.data = data;
  if (xdataBlocks) content.xdata = xdataBlocks.slice(1, -1).split('][');
  if (stamp !== undefined) {
    const timestamp = parseDc09Timestamp(stamp);
    if (!timestamp) return reject('bad-timestamp', `timestamp "${stamp.slice(0, 32)}" is not a valid HH:MM:SS,MM-DD-YYYY`);
    content.timestamp = timestamp;
  }
  return { ok: true, content };
}

/**
 * True when decrypted content says nothing at all (`]` alone). A wrong key's garbage ends in the pad
 * delimiter about once in 128 tries and then reads exactly so, while a real encrypted message always
 * carries at least its timestamp.
 */
export function isEmptyContent(content: MessageContent): boolean {
  return content.data === undefined && content.xdata === undefined && content.timestamp === undefined;
}
