import { Logger } from '@nestjs/common';
import type { DeliveryResult, PlannedDelivery } from '../../domain';
import type { Channel, SendContext } from '../channel';
import { postJson } from '../post-json';
import { webhookPayload } from './webhook-payload';
import { signWebhookBody, WEBHOOK_DELIVERY_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from './webhook-signature';

/** What the webhook channel needs from notify's config, parsed once at start-up. */
export interface WebhookChannelOptions {
  /** Secrets by the environment variable name a receiver's `secretRef` gives. */
  secrets: Readonly<Record<string, string>>;
  /** How long one attempt may take, response included; a receiver slower than this is retried later. */
  timeoutMs: number;
  /** Injected so specs can sign at a chosen time and read Retry-After dates against it. */
  now?: () => Date;
}

/**
 * POSTs the group as JSON, signed with the receiver's secret (see `webhook-signature.ts` for the
 * headers and how a receiver verifies them), and classifies the outcome through the domain:
 * 2xx delivered; a network error, a timeout, a 5xx, 408, 425 or 429 recoverable with Retry-After
 * honoured; any other 4xx, or a redirect, not. Redirects are not followed: the receiver's address
 * is configured, and a signed alert must not be forwarded somewhere nobody chose. Logs name the
 * receiver, the URL's origin and the outcome, never the secret or the body.
 */
export class WebhookChannel implements Channel<'webhook'> {
  readonly type = 'webhook';
  private readonly logger = new Logger('WebhookChannel');
  private readonly now: () => Date;

  constructor(private readonly options: WebhookChannelOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async deliver(delivery: PlannedDelivery, context: SendContext): Promise<DeliveryResult> {
    const { config } = delivery.channel;
    if (config.type !== 'webhook') throw new Error(`the webhook channel was handed a ${config.type} delivery`);
    const secret = this.options.secrets[config.secretRef];
    // A missing secret fails the same way on every attempt: a dead letter for people to look at, not a retry loop.
    if (secret === undefined) return this.logged(delivery, config.url, 0, { ok: false, recoverable: false, message: `webhook secret ${config.secretRef} is not configured` });

    const body = JSON.stringify(webhookPayload(delivery, context));
    const timestamp = String(Math.floor(this.now().getTime() / 1000));
    const started = Date.now();
    const headers = {
      [WEBHOOK_DELIVERY_HEADER]: context.deliveryId,
      [WEBHOOK_TIMESTAMP_HEADER]: timestamp,
      [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody(secret, timestamp, body),
    };
    const result = await postJson({ url: config.url, body, headers, timeoutMs: this.options.timeoutMs, now: this.now });
    return this.logged(delivery, config.url, Date.now() - started, result);
  }

  private logged(delivery: PlannedDelivery, url: string, durationMs: number, result: DeliveryResult): DeliveryResult {
    const fields = { receiver: delivery.receiver, channel: delivery.channel.key, groupKey: delivery.groupKey, reason: delivery.reason, origin: new URL(url).origin, durationMs };
    if (result.ok) this.logger.debug({ msg: 'webhook delivered', ...fields });
    else this.logger.warn({ msg: 'webhook not delivered', ...fields, status: result.status, recoverable: result.recoverable, error: result.message });
    return result;
  }
}
