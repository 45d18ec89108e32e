import { AccountRecord } from './account-register';
import { AcceptOutcome } from './dc09/decide';
import { ParsedFrame } from './dc09/frame-parser';
import { RejectCode } from './dc09/rejection';
import { ClassifiedSignal } from './dc09/signal-classifier';

/** Which socket a frame came in on. */
export type Transport = 'tcp' | 'udp';

/** The panel's address as the socket saw it. */
export interface Remote {
  address: string;
  port: number;
}

/** Where and how a frame arrived. */
export interface Origin {
  transport: Transport;
  remote: Remote;
}

/** Everything the caller needs to publish accepted signals. */
export interface SignalContext extends Origin {
  account: string;
  record: AccountRecord;
  frame: ParsedFrame;
  raw: Buffer;
  receivedAt: Date;
  /** Same for a resend of the same transmission inside the resend window: use it as the bus de-duplication id. */
  messageKey: string;
  /** True when this transmission was already handed on inside the resend window (its ACK went missing). */
  resend: boolean;
}

/** A frame (or stray bytes) that was not accepted, for the caller's dead letters. */
export interface RejectedFrame extends Origin {
  raw: Buffer;
  code: RejectCode;
  reason: string;
  account?: string;
  receivedAt: Date;
}

/** Every named outcome the receiver reaches; a log field and a metric label. */
export type ReceiverOutcome = AcceptOutcome | RejectCode | 'resend' | 'handoff-failed' | 'overloaded';

/** One outcome, for logs and metrics. */
export interface OutcomeEvent extends Origin {
  outcome: ReceiverOutcome;
  reason: string;
  account?: string;
}

/** Callbacks through which the receiver hands its work to the rest of the app. */
export interface ReceiverCallbacks {
  /** Must resolve only once the signals are safely stored or published: the ACK waits for it. */
  onSignals(signals: ClassifiedSignal[], context: SignalContext): Promise<void>;
  onReject?(rejected: RejectedFrame): Promise<void>;
  onSupervisionLate?(account: string, lastSeen: Date | undefined): Promise<void> | void;
  onSupervisionRestored?(account: string, seenAt: Date | undefined): Promise<void> | void;
  onOutcome?(event: OutcomeEvent): void;
  /** Faults of the receiver itself (socket errors, a failed supervision pass); it keeps running. */
  onError?(error: unknown, where: string): void;
}
