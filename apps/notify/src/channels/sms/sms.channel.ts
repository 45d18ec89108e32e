import { Logger } from '@nestjs/common';
import type { DeliveryResult, PlannedDelivery } from '../../domain';
import type { Channel, SendContext } from '../channel';
import { postJson } from '../post-json';
import type { SmsGatewayRequest } from './sms-gateway-request';
import type { SmsChannelOptions } from './sms-options';
import { smsText } from './sms-text';

/** The delivery's id, as the gateway's de-duplication key (the IETF Idempotency-Key header). */
export const SMS_IDEMPOTENCY_HEADER = 'idempotency-key';

/**
 * A generic SMS/pager gateway adapter: POSTs `{ to, text, deliveryId }` (`sms-gateway-request.ts`,
 * text from `sms-text.ts`) with the bearer token and `Idempotency-Key: <deliveryId>`, and
 * classifies the outcome through the domain as the webhook does: 2xx sent; a network error, a
 * timeout, a 5xx, 408, 425 or 429 recoverable with Retry-After honoured; any other 4xx not.
 * Logs name the receiver, the gateway's origin and the outcome, never the token, numbers or text.
 */
export class SmsChannel implements Channel<'sms'> {
  readonly type = 'sms';
  private readonly logger = new Logger('SmsChannel');
  private readonly now: () => Date;

  constructor(private readonly options: SmsChannelOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async deliver(delivery: PlannedDelivery, context: SendContext): Promise<DeliveryResult> {
    const { config } = delivery.channel;
    if (config.type !== 'sms') throw new Error(`the SMS channel was handed a ${config.type} delivery`);
    const request: SmsGatewayRequest = { to: config.to, text: smsText(delivery, context), deliveryId: context.deliveryId };
    const started = Date.now();
    const result = await postJson({
      url: this.options.gatewayUrl,
      body: JSON.stringify(request),
      headers: { authorization: `Bearer ${this.options.token}`, [SMS_IDEMPOTENCY_HEADER]: context.deliveryId },
      timeoutMs: this.options.timeoutMs,
      now: this.now,
    });
    return this.logged(delivery, Date.now() - started, result);
  }

  private logged(delivery: PlannedDelivery, durationMs: number, result: DeliveryResult): DeliveryResult {
    const fields = { receiver: delivery.receiver, channel: delivery.channel.key, groupKey: delivery.groupKey, reason: delivery.reason, gateway: new URL(this.options.gatewayUrl).origin, durationMs };
    if (result.ok) this.logger.debug({ msg: 'sms sent to gateway', ...fields });
    else this.logger.warn({ msg: 'sms not sent', ...fields, status: result.status, recoverable: result.recoverable, error: result.message });
    return result;
  }
}
