import { PadSource, randomPad } from './aes-cbc';
import { formatDc09Timestamp } from './dc09-timestamp';
import { buildFrame } from './frame-builder';
import { wrapFrame } from './frame-envelope';

/** The header fields a reply echoes back, as DC-09 requires. */
export interface ReplyTo {
  sequence: string;
  receiver?: string;
  line: string;
  account?: string;
}

/** How to write an ACK or RSP: encrypted with the account's key when the message was. */
export interface ReplyOptions {
  now: Date;
  key?: Buffer;
  pad?: PadSource;
}

/** ACK: the message was received and handled. Encrypted (`*ACK`, `[pad|]_timestamp`) when a key is given. */
export function ackFrame(to: ReplyTo, options: ReplyOptions): Buffer {
  return acknowledgement('ACK', to, options);
}

/** RSP: like ACK, for messages whose extended data asks the receiver for a response. */
export function rspFrame(to: ReplyTo, options: ReplyOptions): Buffer {
  return acknowledgement('RSP', to, options);
}

/** DUH: the receiver understood the frame but cannot handle it; sent plain and never retried by the panel. */
export function duhFrame(to: ReplyTo): Buffer {
  return buildFrame({ id: 'DUH', ...echo(to) });
}

/**
 * NAK: the frame was not accepted; the panel retries. Always `"NAK"0000R0L0A0[]` plus the
 * receiver's time, because a NAK must not trust anything in the frame it refuses and the
 * timestamp is how a panel with a drifting clock learns the right time.
 */
export function nakFrame(now: Date): Buffer {
  return wrapFrame(`"NAK"0000R0L0A0[]_${formatDc09Timestamp(now)}`);
}

function acknowledgement(id: 'ACK' | 'RSP', to: ReplyTo, { now, key, pad = randomPad }: ReplyOptions): Buffer {
  return key ? buildFrame({ id, ...echo(to), timestamp: now }, key, pad) : buildFrame({ id, ...echo(to) });
}

// Callers pass whole parsed frames; only the routing fields may be echoed, never their data.
function echo({ sequence, receiver, line, account }: ReplyTo): ReplyTo {
  return { sequence, receiver, line, account };
}
