import { PadSource } from './aes-cbc';
import { AlarmSignal, PayloadResult } from './alarm-signal';
import { parseAdmCidData } from './adm-cid-data';
import { checkClock, ClockWindow } from './clock-window';
import { FrameHeader } from './frame-header';
import { AccountLookup, completeFrame, ParsedFrame, readFrame, ReadResult } from './frame-parser';
import { Rejection, RejectCode } from './rejection';
import { ackFrame, duhFrame, nakFrame, rspFrame } from './response-builder';
import { parseSiaDcsData } from './sia-dcs-data';
import { ClassifiedSignal, classifySignals } from './signal-classifier';

/** What to do with codes no table knows: DUH them, or acknowledge and flag them (some panels hang on DUH). */
export type UnknownCodePolicy = 'duh' | 'ack-and-flag';

/** Receiver policy for {@link decide}. */
export interface DecideOptions {
  unknownCodePolicy: UnknownCodePolicy;
  clockWindow?: ClockWindow;
  /** Pad characters for encrypted replies; random unless a test fixes them. */
  pad?: PadSource;
}

/** Why a frame was accepted. */
export type AcceptOutcome = 'signals' | 'link-test' | 'no-events' | 'unknown-code-flagged' | 'response-requested';

/** The receiver's answer to one frame. */
export type Decision =
  | {
      verdict: 'accept';
      outcome: AcceptOutcome;
      reason: string;
      /** ACK or RSP, to send only once the signals are safely handed on. */
      reply: Buffer;
      /** NAK to send instead if handing the signals on fails, so the panel retries. */
      failureReply: Buffer;
      signals: ClassifiedSignal[];
      frame: ParsedFrame;
      account: string;
    }
  | {
      verdict: 'reject';
      outcome: RejectCode;
      reason: string;
      reply: Buffer;
      /** Present when the frame itself checked out (framing, account, key) but its content was refused. */
      frame?: ParsedFrame;
      /** The account the frame claims, when it could be read. */
      account?: string;
    };

/**
 * Rejections where the frame may have been damaged in transit, or may succeed later: the panel
 * should retry. A key mismatch is one: peer receivers NAK what they
 * cannot decrypt, and the panel's alarm gets through once an operator puts the right key in.
 */
const RETRY: ReadonlySet<RejectCode> = new Set<RejectCode>([
  'unframed',
  'oversize',
  'bad-header',
  'length-mismatch',
  'crc-mismatch',
  'unknown-account',
  'key-required',
  'no-key',
  'decrypt-failed',
  'clock-drift',
  'register-unavailable',
  'internal-error',
]);

/** Decides the reply and the signals for one frame. Pure apart from encryption pad; never throws. */
export function decide(frame: Buffer, lookup: AccountLookup, now: Date, options: DecideOptions): Decision {
  return decideRead(readFrame(frame), lookup, now, options);
}

/** {@link decide} for a frame already read by {@link readFrame}, so the receiver parses each frame once. */
export function decideRead(read: ReadResult, lookup: AccountLookup, now: Date, options: DecideOptions): Decision {
  const parsed = read.ok ? completeFrame(read.read, lookup) : read;
  if (!parsed.ok) return refuse(parsed.rejection, now, parsed.header);
  const message = parsed.frame;
  const clock = checkClock(message.timestamp, now, options.clockWindow);
  if (!clock.ok) return refuse({ code: 'clock-drift', reason: clock.reason }, now, message, message);
  if (message.encrypted && !message.timestamp) {
    // The timestamp is what stops an encrypted message being replayed.
    return refuse({ code: 'bad-timestamp', reason: 'encrypted message carries no timestamp' }, now, message, message);
  }
  const payload = readPayload(message);
  if (!payload.ok) return refuse({ code: 'bad-data', reason: payload.reason }, now, message, message);
  const unknown = payload.signals.filter((s) => s.unknownCode).map((s) => s.code);
  if (unknown.length > 0 && options.unknownCodePolicy === 'duh') {
    return refuse({ code: 'unknown-code', reason: `unknown event code ${unknown.join(', ')}` }, now, message, message);
  }
  const wantsResponse = (message.xdata ?? []).some((block) => block.startsWith('K'));
  const replyOptions = { now, key: message.encrypted ? lookup(message.account)?.key : undefined, pad: options.pad };
  return {
    verdict: 'accept',
    ...acceptOutcome(message, payload.signals, unknown, wantsResponse),
    reply: wantsResponse ? rspFrame(message, replyOptions) : ackFrame(message, replyOptions),
    failureReply: nakFrame(now),
    signals: classifySignals(payload.signals),
    frame: message,
    account: message.account,
  };
}

function readPayload(message: ParsedFrame): PayloadResult {
  if (message.id === 'NULL') return { ok: true, signals: [] };
  const data = message.data ?? '';
  return message.id === 'ADM-CID' ? parseAdmCidData(data) : parseSiaDcsData(data);
}

function acceptOutcome(
  message: ParsedFrame,
  signals: AlarmSignal[],
  unknown: string[],
  wantsResponse: boolean,
): { outcome: AcceptOutcome; reason: string } {
  const from = `account ${message.account}`;
  if (message.id === 'NULL') return { outcome: 'link-test', reason: `link test from ${from}` };
  if (signals.length === 0) return { outcome: 'no-events', reason: `${message.id} message without events from ${from}` };
  if (unknown.length > 0) {
    const reason = `unknown event code ${unknown.join(', ')} from ${from}, acknowledged and flagged`;
    return { outcome: 'unknown-code-flagged', reason };
  }
  if (wantsResponse) {
    return { outcome: 'response-requested', reason: `${signals.length} signal(s) from ${from}; extended data asks for RSP` };
  }
  return { outcome: 'signals', reason: `${signals.length} signal(s) from ${from}` };
}

function refuse(rejection: Rejection, now: Date, header?: FrameHeader | ParsedFrame, frame?: ParsedFrame): Decision {
  const { code, reason } = rejection;
  const reply = RETRY.has(code) || !header ? nakFrame(now) : duhFrame(header);
  return { verdict: 'reject', outcome: code, reason, reply, frame, account: header?.account };
}
