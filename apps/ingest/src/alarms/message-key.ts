import { createHash } from 'crypto';
import { ParsedFrame } from './dc09/frame-parser';

/**
 * A stable id for one panel message, the same when the panel resends it after a lost ACK
 * (same sequence, timestamp and content; encrypted resends differ only in pad), so the bus
 * can drop the duplicate. Sequence numbers wrap at 9999, hence the timestamp and content.
 */
export function messageKey(frame: ParsedFrame): string {
  const content = `${frame.id}|${frame.data ?? ''}|${(frame.xdata ?? []).join('][')}`;
  const digest = createHash('sha256').update(content).digest('hex').slice(0, 16);
  const stamp = frame.timestamp ? String(frame.timestamp.getTime() / 1000) : 'none';
  return `dc09-${frame.account}-${frame.sequence}-${stamp}-${digest}`;
}
