import { EventPublisher } from './event-publisher';

/** What is known about a message that will never be processed. */
export interface Rejection {
  rejectedBy: string;
  origin: string;
  reason: string;
  raw: Uint8Array;
  deliveryAttempts: number;
  /** Stable per rejected message, so a retried dead-lettering stores it once. */
  id: string;
}

/** Keeps what Vigil cannot accept: raw bytes, reason and origin, on the long-retention DLQ stream. */
export class DeadLetterer {
  constructor(private readonly publisher: EventPublisher) {}

  /** Resolves once the dead letter is stored in JetStream. */
  async keep(rejection: Rejection): Promise<void> {
    await this.publisher.publish(
      'deadLetter',
      {
        rejectedBy: rejection.rejectedBy,
        origin: rejection.origin,
        reason: rejection.reason,
        rawBase64: Buffer.from(rejection.raw).toString('base64'),
        receivedAt: new Date().toISOString(),
        deliveryAttempts: rejection.deliveryAttempts,
      },
      { id: `dlq:${rejection.id}` },
    );
  }
}
