import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notifyAttempts, notifyDeliverySeconds } from '@vigil/observability';
import { DEFAULT_RETRY_POLICY, DeliveryResult, decideRetry, RetryDecision } from '../domain';
import { AttemptRecorder } from './attempt-recorder';
import { AcknowledgeLinks } from '../escalations/acknowledge-links';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { CHANNEL_REGISTRY, ChannelRegistry } from './channel-registry';
import { ClaimedDelivery, deliveryStore } from './delivery-store';
import { notificationLogStore } from './notification-log-store';

/** How long a replica holds a delivery it is sending before another may take it over. */
const CLAIM_MS = 60_000;

/**
 * Sends planned deliveries once each: claims them in one statement (so one replica sends each,
 * however many try), makes one attempt per delivery on its channel, and records each attempt with
 * what follows from it: delivered; a retry after a backoff (its `next_attempt_at`); or a dead
 * letter, whose log entry goes so the next flush may try again. The fast path calls it as soon as
 * the deliveries' transaction commits, the due-work poller for retries and for anything a dead
 * replica left. Deliveries another replica holds, or already finished, are left alone.
 */
@Injectable()
export class SendDeliveryUseCase {
  private readonly logger = new Logger('SendDelivery');

  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource,
    @Inject(CHANNEL_REGISTRY) private readonly channels: ChannelRegistry,
    private readonly links: AcknowledgeLinks,
    private readonly recorder: AttemptRecorder,
  ) {}

  async execute(ids: readonly string[]): Promise<void> {
    const claimed = await deliveryStore.claimAll(this.dataSource.manager, ids, new Date(), CLAIM_MS);
    await Promise.all(claimed.map((delivery) => this.sendClaimed(delivery)));
  }

  private async sendClaimed(claimed: ClaimedDelivery): Promise<void> {
    const startedAt = new Date();
    const result = await this.attempt(claimed);
    const finishedAt = new Date();
    const decision = decideRetry(result, claimed.attempt, claimed.firstAttemptAt, finishedAt, DEFAULT_RETRY_POLICY);
    const retryAt = decision.action === 'retry' ? new Date(finishedAt.getTime() + decision.delayMs) : null;
    const failure = result.ok ? {} : { status: result.status, error: result.message };
    const record = { attempt: claimed.attempt, startedAt, durationMs: finishedAt.getTime() - startedAt.getTime(), ok: result.ok, ...failure, decision };
    if (decision.action === 'dead-letter') {
      await this.dataSource.transaction(async (manager) => {
        await deliveryStore.finishAll(manager, [{ id: claimed.id, record, retryAt }]);
        await notificationLogStore.forget(manager, claimed.delivery.groupKey, claimed.delivery.channel.key, claimed.plannedAt);
      });
    } else {
      await this.recorder.record({ id: claimed.id, record, retryAt });
    }
    this.log(claimed, decision, result);
    const channel = claimed.delivery.channel.config.type;
    notifyAttempts.inc({ channel, decision: decision.reason });
    if (decision.action === 'done') notifyDeliverySeconds.observe({ channel }, (finishedAt.getTime() - claimed.plannedAt.getTime()) / 1000);
  }

  private async attempt(claimed: ClaimedDelivery): Promise<DeliveryResult> {
    const { delivery } = claimed;
    const channel = this.channels.get(delivery.channel.config.type);
    if (!channel) return ChannelRegistry.unavailable(delivery.channel.config.type);
    const context = { deliveryId: claimed.id, attempt: claimed.attempt, acknowledgeLinks: this.links.forDelivery(delivery) };
    try {
      return await channel.deliver(delivery, context);
    } catch (error) {
      // A channel must not throw; if one does, it is a bug worth a retry rather than a lost message.
      return { ok: false, recoverable: true, message: `channel failed unexpectedly: ${(error as Error).message}` };
    }
  }

  private log(claimed: ClaimedDelivery, decision: RetryDecision, result: DeliveryResult): void {
    const fields = { deliveryId: claimed.id, receiver: claimed.delivery.receiver, channel: claimed.delivery.channel.key, reason: claimed.delivery.reason, attempt: claimed.attempt, decision: decision.reason };
    if (decision.action === 'done') this.logger.log({ msg: 'notification delivered', ...fields });
    else this.logger.warn({ msg: decision.action === 'retry' ? 'notification not delivered, will retry' : 'notification kept as a dead letter', ...fields, error: result.ok ? undefined : result.message });
  }
}
