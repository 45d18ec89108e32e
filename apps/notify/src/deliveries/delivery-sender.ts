import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { PlannedSend } from './plan-deliveries';
import { SendDeliveryUseCase } from './send-delivery.usecase';

/**
 * The fast path: sends deliveries as soon as the transaction that planned them has committed, so a
 * grade 1 incident does not wait for the due-work poller. The caller does not wait (an event is acknowledged
 * once its deliveries are durably planned); the due-work poller is the safety net if this
 * replica dies first.
 */
@Injectable()
export class DeliverySender implements BeforeApplicationShutdown {
  private readonly logger = new Logger('DeliverySender');
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly send: SendDeliveryUseCase) {}

  sendSoon(sends: readonly PlannedSend[]): void {
    if (sends.length === 0) return;
    const ids = sends.map((send) => send.id);
    const sending = this.send.execute(ids).catch((error: Error) => this.logger.warn({ msg: 'send failed, the due-work poller will try again', deliveries: ids.length, error: error.message }));
    this.inFlight.add(sending);
    void sending.finally(() => this.inFlight.delete(sending));
  }

  /** Lets sends under way finish before the process stops (the poller would otherwise wait out their claims). */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }
}
