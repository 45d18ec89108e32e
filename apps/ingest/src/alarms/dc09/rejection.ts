/** Machine codes for why a frame was not accepted; each becomes a log field and a metric label. */
export type RejectCode =
  | 'unframed'
  | 'oversize'
  | 'bad-header'
  | 'length-mismatch'
  | 'crc-mismatch'
  | 'unsupported-id'
  | 'unknown-account'
  | 'key-required'
  | 'no-key'
  | 'decrypt-failed'
  | 'bad-data'
  | 'bad-timestamp'
  | 'clock-drift'
  | 'unknown-code'
  | 'register-unavailable'
  | 'internal-error';

/** A named reason a frame was refused, with a sentence for the operator reading dead letters. */
export interface Rejection {
  code: RejectCode;
  reason: string;
}

/** Builds a rejection; keeps call sites to one line. */
export function reject(code: RejectCode, reason: string): { ok: false; rejection: Rejection } {
  return { ok: false, rejection: { code, reason } };
}

const KEY_MISMATCH: ReadonlySet<RejectCode> = new Set<RejectCode>(['key-required', 'no-key', 'decrypt-failed']);

/** Whether the panel and the register disagree about the account's key: an operator must act. */
export function isKeyMismatch(code: string): boolean {
  return KEY_MISMATCH.has(code as RejectCode);
}
