import { Logger } from '@nestjs/common';
import { EVENTS, NotificationAudience, NotificationPushed, notificationPushedSchema } from '@vigil/contracts';
import type { DeliveryResult, PlannedDelivery } from '../../domain';
import type { Channel, SendContext } from '../channel';
import { notificationPushed } from './notification-pushed';

/**
 * Publishes one notification to JetStream with `Nats-Msg-Id` = `messageId`, resolving once the
 * stream has acknowledged it and rejecting on any NATS error or timeout.
 */
export type NotificationPublisher = (subject: string, data: NotificationPushed, messageId: string) => Promise<void>;

/** What the socket channel needs: a way onto the bus, and whose consoles each receiver's are. */
export interface SocketChannelOptions {
  publish: NotificationPublisher;
  /** The audience of a receiver of the rules in force, by name; undefined when no receiver has that name. */
  audienceOf: (receiver: string) => NotificationAudience | undefined;
  /** Longest an attempt waits for JetStream's acknowledgement; 5 s when absent (JetStream's own default). */
  timeoutMs?: number;
  /** Injected so specs can fix `sentAt`. */
  now?: () => Date;
}

/**
 * Puts a delivery on the consoles of its receiver's audience: it publishes `notification.<audience>`
 * to the NOTIFICATIONS stream and the dashboard pushes it to the sockets of that audience. Delivered
 * once JetStream acknowledged the publish. The delivery id is the message id, so a retry after a
 * lost acknowledgement, or from another replica, is stored (and shown) once. Any NATS error or a
 * timeout is worth retrying (the stream not provisioned yet, a server restarting); a notification
 * its contract refuses, or a receiver no longer in the rules, will fail the same way again. Logs
 * name the receiver, the audience and the outcome, never the alerts.
 */
export class SocketChannel implements Channel<'socket'> {
  readonly type = 'socket';
  private readonly logger = new Logger('SocketChannel');
  private readonly now: () => Date;
  private readonly timeoutMs: number;

  constructor(private readonly options: SocketChannelOptions) {
    this.now = options.now ?? (() => new Date());
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  async deliver(delivery: PlannedDelivery, context: SendContext): Promise<DeliveryResult> {
    const { config } = delivery.channel;
    if (config.type !== 'socket') throw new Error(`the socket channel was handed a ${config.type} delivery`);
    const audience = this.options.audienceOf(delivery.receiver);
    if (audience === undefined) return this.logged(delivery, undefined, 0, { ok: false, recoverable: false, message: `receiver ${delivery.receiver} is not in the routing rules in force` });
    // Nothing left to show (only resolutions, and this channel is not told of them): a console gets no empty card.
    if (delivery.alerts.length === 0) return { ok: true };

    const checked = notificationPushedSchema.safeParse(notificationPushed(delivery, context, audience, this.now()));
    if (!checked.success) return this.logged(delivery, audience, 0, { ok: false, recoverable: false, message: `the notification does not fit its contract: ${checked.error.issues[0]?.message}` });
    const started = Date.now();
    const result = await this.publish(checked.data, context.deliveryId);
    return this.logged(delivery, audience, Date.now() - started, result);
  }

  private async publish(data: NotificationPushed, messageId: string): Promise<DeliveryResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<DeliveryResult>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, recoverable: true, message: `TIMEOUT: JetStream did not acknowledge within ${this.timeoutMs} ms` }), this.timeoutMs);
    });
    const published = this.options.publish(EVENTS.notificationPushed.subject(data), data, messageId).then(
      (): DeliveryResult => ({ ok: true }),
      (error: unknown): DeliveryResult => ({ ok: false, recoverable: true, message: describeNatsError(error) }),
    );
    try {
      return await Promise.race([published, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private logged(delivery: PlannedDelivery, audience: NotificationAudience | undefined, durationMs: number, result: DeliveryResult): DeliveryResult {
    const fields = { receiver: delivery.receiver, channel: delivery.channel.key, groupKey: delivery.groupKey, reason: delivery.reason, audience, durationMs };
    if (result.ok) this.logger.debug({ msg: 'notification pushed', ...fields });
    else this.logger.warn({ msg: 'notification not pushed', ...fields, recoverable: result.recoverable, error: result.message });
    return result;
  }
}

/** A NATS error's code (503 no responders, TIMEOUT…) and message, read by shape: nats.js errors carry a string code. */
function describeNatsError(error: unknown): string {
  const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  return typeof code === 'string' && !text.includes(code) ? `${code}: ${text}` : text;
}
