import { createHash } from 'crypto';
import { ParsedFrame } from './dc09/frame-parser';

/**
 * What identifies one transmission of a panel: account, receiver, line, sequence and the
 * decrypted content without timestamp or pad. A resend after a lost ACK has the same identity
 * even when encrypted (new timestamp, new pad); the next message has a new sequence.
 */
export function transmissionId(frame: ParsedFrame): string {
  const fields = [frame.account, frame.receiver ?? '', frame.line, frame.sequence, frame.id, frame.data ?? '', (frame.xdata ?? []).join('][')];
  return createHash('sha256').update(fields.join('|')).digest('hex').slice(0, 16);
}

/**
 * The bus id of one transmission, first seen at `windowStart`. Resends inside the resend window
 * keep the first sighting's time and so the same key, which JetStream and triage drop; the same
 * content after the window is a new signal with a new key. Sequence numbers wrap at 9999,
 * hence the time in the key.
 */
export function messageKey(frame: ParsedFrame, windowStart: Date): string {
  return `dc09-${frame.account}-${frame.sequence}-${windowStart.getTime()}-${transmissionId(frame)}`;
}
