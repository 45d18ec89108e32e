import { encryptContent, PadSource, randomPad } from './aes-cbc';
import { formatDc09Timestamp } from './dc09-timestamp';
import { wrapFrame } from './frame-envelope';

/** Everything needed to write one DC-09 frame, message or reply. */
export interface OutgoingMessage {
  id: string;
  sequence: string;
  receiver?: string;
  line: string;
  account?: string;
  data?: string;
  xdata?: string[];
  timestamp?: Date;
}

/**
 * Writes a framed DC-09 message; with a key, the part after `[` is encrypted and the ID gets
 * its `*`. Receivers use it for replies; tests and panel simulators use it for messages.
 */
export function buildFrame(message: OutgoingMessage, key?: Buffer, pad: PadSource = randomPad): Buffer {
  const { id, sequence, receiver, line, account } = message;
  const head = `"${key ? '*' : ''}${id}"${sequence}${receiver ? `R${receiver}` : ''}L${line}${account ? `#${account}` : ''}[`;
  const xdata = (message.xdata ?? []).map((block) => `[${block}]`).join('');
  const stamp = message.timestamp ? `_${formatDc09Timestamp(message.timestamp)}` : '';
  const content = `${message.data ?? ''}]${xdata}${stamp}`;
  return wrapFrame(head + (key ? encryptContent(content, key, pad) : content));
}
