import { BaseRpcContext } from '@nestjs/microservices';
import { InboundMessage } from '../inbound-message';

/** What a JetStream handler can learn about its message beyond the payload (`@Ctx()`), and `working()`. */
export class JetStreamContext extends BaseRpcContext<[InboundMessage]> {
  /** The contract subject (namespace removed). */
  getSubject(): string {
    return this.args[0].subject;
  }

  /** The message's sequence in its stream. */
  getStreamSeq(): number {
    return this.args[0].streamSeq;
  }

  /** 1 on first delivery. */
  getDeliveryCount(): number {
    return this.args[0].deliveryCount;
  }

  /** NATS headers, each with its values. */
  getHeaders(): Record<string, string[]> {
    return this.args[0].headers;
  }

  /** Restarts the message's ack wait: a handler that takes long keeps its message. */
  working(): void {
    this.args[0].working();
  }
}
