import { Logger } from '@nestjs/common';
import { createTransport, NodemailerError, SMTPPoolSentMessageInfo, Transporter } from 'nodemailer';
import type { DeliveryResult, PlannedDelivery } from '../../domain';
import type { Channel, SendContext } from '../channel';
import { emailMessage } from './email-message';
import type { EmailChannelOptions } from './email-options';
import { messageIdFor } from './message-id';
import { classifySmtpFailure } from './smtp-failure';
import { smtpServerForLogs } from './smtp-url';

/** The delivery's id, the same on every attempt (as `x-vigil-delivery` on webhooks). */
export const EMAIL_DELIVERY_HEADER = 'X-Vigil-Delivery';

/**
 * Sends the group as one e-mail to the channel's addresses through the configured SMTP server,
 * over a pool of kept-open connections, and classifies the outcome (`smtp-failure.ts`): a 4xx
 * reply, a dropped or refused connection or a timeout is worth retrying; a 5xx reply (a mailbox
 * that does not exist, bad credentials) is not. One attempt per call: the pool does not requeue a
 * message whose connection closed, the pipeline retries with backoff. Logs name the receiver, the
 * channel, the server (never its user name or password) and the outcome, never the message.
 */
export class EmailChannel implements Channel<'email'> {
  readonly type = 'email';
  private readonly logger = new Logger('EmailChannel');
  private readonly transport: Transporter<SMTPPoolSentMessageInfo>;
  private readonly server: string;

  constructor(private readonly options: EmailChannelOptions) {
    this.server = smtpServerForLogs(options.smtpUrl);
    this.transport = createTransport({
      url: options.smtpUrl,
      pool: true,
      maxRequeues: 0,
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
    });
  }

  async deliver(delivery: PlannedDelivery, context: SendContext): Promise<DeliveryResult> {
    const { config } = delivery.channel;
    if (config.type !== 'email') throw new Error(`the e-mail channel was handed a ${config.type} delivery`);
    const { subject, text, html } = emailMessage(delivery, context);
    const started = Date.now();
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const info = await this.transport.sendMail({
        from: this.options.from,
        to: config.to,
        subject,
        text,
        html,
        messageId: messageIdFor(context.deliveryId, this.options.from),
        headers: { [EMAIL_DELIVERY_HEADER]: context.deliveryId },
        signal,
      });
      return this.logged(delivery, Date.now() - started, { ok: true }, info.rejected.length);
    } catch (error) {
      const failure = error as NodemailerError;
      // Our own deadline ends the send with an abort; say it as the timeout it is, which is worth retrying.
      const result = signal.aborted
        ? classifySmtpFailure({ code: 'ETIMEDOUT', message: `no answer within ${this.options.timeoutMs} ms` })
        : classifySmtpFailure({ code: failure.code, responseCode: failure.responseCode, command: failure.command, originalCode: failure.originalCode, message: this.redacted(failure.message) });
      return this.logged(delivery, Date.now() - started, result, 0);
    }
  }

  /** Closes the pool's connections; the lead's module calls this on shutdown. */
  close(): void {
    this.transport.close();
  }

  /** A server may echo what it was sent; the password never goes further than the socket. */
  private redacted(message: string): string {
    const password = decodeURIComponent(new URL(this.options.smtpUrl).password);
    return password ? message.split(password).join('***') : message;
  }

  private logged(delivery: PlannedDelivery, durationMs: number, result: DeliveryResult, rejectedRecipients: number): DeliveryResult {
    const fields = { receiver: delivery.receiver, channel: delivery.channel.key, groupKey: delivery.groupKey, reason: delivery.reason, server: this.server, durationMs };
    // The server took the message for some addresses: sending again would repeat it to them, so it counts as delivered and says who was missed.
    if (result.ok && rejectedRecipients > 0) this.logger.warn({ msg: 'e-mail delivered, some recipients refused', ...fields, rejectedRecipients });
    else if (result.ok) this.logger.debug({ msg: 'e-mail delivered', ...fields });
    else this.logger.warn({ msg: 'e-mail not delivered', ...fields, status: result.status, recoverable: result.recoverable, error: result.message });
    return result;
  }
}
