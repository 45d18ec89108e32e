import { AccountRecord, AccountRegister } from './account-register';
import { decideRead, Decision, DecideOptions } from './dc09/decide';
import { SplitItem } from './dc09/frame-splitter';
import { readFrame } from './dc09/frame-parser';
import { nakFrame } from './dc09/response-builder';
import { messageKey, transmissionId } from './message-key';
import { Origin, ReceiverCallbacks, ReceiverOutcome, RejectedFrame } from './receiver-types';
import { ResendWindow } from './resend-window';
import { SupervisionMonitor } from './supervision-monitor';

/** Collaborators of {@link FrameHandler}. */
export interface FrameHandlerDeps {
  register: AccountRegister;
  callbacks: ReceiverCallbacks;
  monitor: SupervisionMonitor;
  decideOptions: DecideOptions;
  /** Resends inside it keep the first sighting's message key. */
  resends: ResendWindow;
  clock: () => Date;
}

/** Turns one frame into one reply, handing accepted signals on before they are acknowledged. Transport-agnostic. */
export class FrameHandler {
  constructor(private readonly deps: FrameHandlerDeps) {}

  /** Returns the reply to send; never rejects. */
  async handle(raw: Buffer, origin: Origin): Promise<Buffer> {
    const now = this.deps.clock();
    try {
      return await this.decideAndHandOn(raw, origin, now);
    } catch (error) {
      // Only a bug gets here; a NAK makes the panel retry rather than lose the alarm.
      this.rejected({ raw, code: 'internal-error', reason: `receiver error: ${describe(error)}`, receivedAt: now, ...origin });
      return nakFrame(now);
    }
  }

  /** Reports bytes the splitter had to drop and returns the NAK a panel gets for them, on TCP as on UDP. */
  garbage(item: Extract<SplitItem, { kind: 'garbage' }>, origin: Origin): Buffer {
    const now = this.deps.clock();
    const code = item.reason === 'oversize' ? 'oversize' : 'unframed';
    const reason = `${item.length} byte(s) dropped: ${item.reason === 'before-lf' ? 'outside any LF..CR frame' : item.reason}; NAK sent`;
    this.rejected({ raw: item.preview, code, reason, receivedAt: now, ...origin });
    return nakFrame(now);
  }

  /** Tells the log/metrics hook what happened to a frame; never throws. */
  outcome(outcome: ReceiverOutcome, reason: string, { transport, remote }: Origin, account?: string): void {
    try {
      this.deps.callbacks.onOutcome?.({ outcome, reason, account, transport, remote });
    } catch {
      // A failing log or metrics hook must not stop alarms being answered.
    }
  }

  private async decideAndHandOn(raw: Buffer, origin: Origin, now: Date): Promise<Buffer> {
    // Parsed once: the account it claims is looked up, then the same reading is decided on.
    const read = readFrame(raw);
    const claimed = read.ok ? read.read.account : undefined;
    let record: AccountRecord | undefined;
    try {
      record = claimed === undefined ? undefined : await this.deps.register.find(claimed);
    } catch (error) {
      const reason = `account register unavailable: ${describe(error)}`;
      this.rejected({ raw, code: 'register-unavailable', reason, account: claimed, receivedAt: now, ...origin });
      return nakFrame(now);
    }
    const lookup = (account: string): AccountRecord | undefined => (account === claimed ? record : undefined);
    const decision = decideRead(read, lookup, now, this.deps.decideOptions);
    if (decision.frame) this.deps.monitor.markSeen(decision.frame.account, now);
    if (decision.verdict === 'reject') {
      const { outcome: code, reason, account } = decision;
      this.rejected({ raw, code, reason, account, receivedAt: now, ...origin });
      return decision.reply;
    }
    return record ? this.handOn(decision, record, raw, origin, now) : decision.failureReply;
  }

  private async handOn(
    decision: Extract<Decision, { verdict: 'accept' }>,
    record: AccountRecord,
    raw: Buffer,
    origin: Origin,
    now: Date,
  ): Promise<Buffer> {
    const { signals, frame, account } = decision;
    if (signals.length === 0) {
      this.outcome(decision.outcome, decision.reason, origin, account);
      return decision.reply;
    }
    const resend = this.deps.resends.judge(transmissionId(frame), now);
    try {
      const key = messageKey(frame, resend.windowStart);
      const context = { account, record, frame, raw, receivedAt: now, messageKey: key, resend: resend.kind === 'resend', ...origin };
      await this.deps.callbacks.onSignals(signals, context);
    } catch (error) {
      this.outcome('handoff-failed', `signals not handed on, NAK sent: ${describe(error)}`, origin, account);
      return decision.failureReply;
    }
    if (resend.kind === 'resend') {
      const reason = `resend of sequence ${frame.sequence} first heard at ${resend.windowStart.toISOString()}: same message key, so one call`;
      this.outcome('resend', reason, origin, account);
    } else {
      this.outcome(decision.outcome, decision.reason, origin, account);
    }
    return decision.reply;
  }

  private rejected(rejected: RejectedFrame): void {
    this.outcome(rejected.code, rejected.reason, rejected, rejected.account);
    // The reply goes out first; dead-lettering must not delay it or, failing, break the connection.
    const { onReject } = this.deps.callbacks;
    if (!onReject) return;
    Promise.resolve()
      .then(() => onReject(rejected))
      .catch((error: unknown) => {
        this.outcome(rejected.code, `dead letter not kept: ${describe(error)}`, rejected, rejected.account);
      });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
