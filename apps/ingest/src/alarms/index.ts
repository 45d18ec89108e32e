/** Public surface of the SIA DC-09 alarm receiver; the ingest app wires these. */
export { Dc09Receiver } from './dc09-receiver';
export type { BoundPorts, Dc09ReceiverOptions, Timer } from './dc09-receiver';
export { InMemoryAccountRegister } from './account-register';
export { CachedAccountRegister } from './cached-account-register';
export type { AccountRecord, AccountRegister, SupervisedAccount } from './account-register';
export type {
  OutcomeEvent,
  Origin,
  ReceiverCallbacks,
  ReceiverOutcome,
  RejectedFrame,
  Remote,
  SignalContext,
  Transport,
} from './receiver-types';
export { lateAccounts, supervisionChanges } from './supervision';
export type { LateAccount } from './supervision';
export { messageKey, transmissionId } from './message-key';
export { judgeResend, ResendWindow } from './resend-window';
export type { ResendKind, ResendVerdict } from './resend-window';
export { parseAccountKey } from './dc09/account-key';
export { decide } from './dc09/decide';
export type { AcceptOutcome, Decision, DecideOptions, UnknownCodePolicy } from './dc09/decide';
export type { AlarmSignal, AlarmProtocol, Qualifier } from './dc09/alarm-signal';
export type { ClassifiedSignal, Classification } from './dc09/signal-classifier';
export { classifySignal } from './dc09/signal-classifier';
export type { SignalKind } from './dc09/signal-kinds';
export type { RejectCode, Rejection } from './dc09/rejection';
export { isKeyMismatch } from './dc09/rejection';
export type { ParsedFrame } from './dc09/frame-parser';
export { DEFAULT_CLOCK_WINDOW } from './dc09/clock-window';
export type { ClockWindow } from './dc09/clock-window';
export { buildFrame } from './dc09/frame-builder';
export type { OutgoingMessage } from './dc09/frame-builder';
export { parseReply } from './dc09/reply-parser';
