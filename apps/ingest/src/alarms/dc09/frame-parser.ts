import { decryptContent } from './aes-cbc';
import { openFrame } from './frame-envelope';
import { FrameHeader, parseHeader } from './frame-header';
import { isEmptyContent, MessageContent, parseContent } from './message-content';
import { reject, Rejection } from './rejection';

/** Message IDs this receiver handles. */
export const SUPPORTED_IDS = ['SIA-DCS', 'ADM-CID', 'NULL'] as const;
/** One of {@link SUPPORTED_IDS}. */
export type MessageId = (typeof SUPPORTED_IDS)[number];

/** What the parser needs to know of an account: that it exists, and its AES key if it has one. */
export interface AccountKeys {
  key?: Buffer;
}

/** Finds an account; undefined when the account is not registered. */
export type AccountLookup = (account: string) => AccountKeys | undefined;

/** A frame that passed framing, header, account and decryption checks. */
export interface ParsedFrame extends MessageContent {
  id: MessageId;
  encrypted: boolean;
  sequence: string;
  receiver?: string;
  line: string;
  account: string;
}

/** Either a parsed frame, or a rejection with as much of the header as could be read (for echoing in DUH). */
export type ParseResult = { ok: true; frame: ParsedFrame } | { ok: false; rejection: Rejection; header?: FrameHeader };

/** A frame whose framing and header check out, with the account it claims; not yet checked against the register. */
export interface ReadFrame {
  header: FrameHeader;
  account: string;
  /** The content of a plain message, read once here; absent for encrypted ones. */
  plain?: MessageContent;
}

/** Either a read frame, or a rejection with as much of the header as could be read. */
export type ReadResult = { ok: true; read: ReadFrame } | { ok: false; rejection: Rejection; header?: FrameHeader };

const DATA_ACCOUNT = /^#([0-9A-Fa-f]{3,16})\|/;

/** Parses one LF..CR frame, decrypting it with the account's key where it is encrypted. */
export function parseFrame(frame: Buffer, lookup: AccountLookup): ParseResult {
  const read = readFrame(frame);
  return read.ok ? completeFrame(read.read, lookup) : read;
}

/**
 * The first half of {@link parseFrame}, which needs no register: framing, header and the
 * account the frame claims. The receiver looks that account up, then calls {@link completeFrame},
 * so each frame is parsed once.
 */
export function readFrame(frame: Buffer): ReadResult {
  const envelope = openFrame(frame);
  if (!envelope.ok) return envelope;
  const parsed = parseHeader(envelope.body);
  if (!parsed.ok) return parsed;
  const header = parsed.header;
  const fail = (code: Rejection['code'], reason: string): ReadResult => ({ ...reject(code, reason), header });
  if (!isSupported(header.id)) return fail('unsupported-id', `message ID "${header.id}" is not SIA-DCS, ADM-CID or NULL`);

  const plain = header.encrypted ? undefined : parseContent(header.rest);
  if (plain && !plain.ok) return { ...plain, header };
  const inData = plain?.ok ? DATA_ACCOUNT.exec(plain.content.data ?? '')?.[1] : undefined;
  const account = header.account ?? inData;
  if (!account) return fail('bad-header', 'no #account in the header or the data block');
  if (inData && inData !== account) {
    return fail('bad-data', `data block account ${inData} differs from header account ${account}`);
  }
  return { ok: true, read: { header, account, ...(plain?.ok ? { plain: plain.content } : {}) } };
}

/** The second half of {@link parseFrame}: checks the account and its key, and decrypts. */
export function completeFrame({ header, account, plain }: ReadFrame, lookup: AccountLookup): ParseResult {
  const fail = (code: Rejection['code'], reason: string): ParseResult => ({ ...reject(code, reason), header });
  const keys = lookup(account);
  if (!keys) return fail('unknown-account', `account ${account} is not registered`);
  if (!header.encrypted && keys.key) return fail('key-required', `account ${account} has a key but sent a plain message`);
  if (header.encrypted && !keys.key) return fail('no-key', `account ${account} sent an encrypted message but has no key`);

  let content: MessageContent;
  if (plain) {
    content = plain;
  } else {
    const decrypted = decryptContent(header.rest, keys.key as Buffer);
    if (!decrypted.ok) return fail('decrypt-failed', decrypted.reason);
    const opened = parseContent(decrypted.plain);
    // The CRC already vouched for the cipher text, so unreadable plain text points at the key.
    if (!opened.ok) return fail('decrypt-failed', `decrypted text unreadable (wrong key?): ${opened.rejection.reason}`);
    if (isEmptyContent(opened.content)) return fail('decrypt-failed', 'decrypted text is empty (wrong key?)');
    content = opened.content;
  }
  const { id, encrypted, sequence, receiver, line } = header;
  return { ok: true, frame: { id: id as MessageId, encrypted, sequence, receiver, line, account, ...content } };
}

function isSupported(id: string): id is MessageId {
  return (SUPPORTED_IDS as readonly string[]).includes(id);
}
