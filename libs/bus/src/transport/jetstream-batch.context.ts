import { BaseRpcContext } from '@nestjs/microservices';
import { InboundMessage } from '../inbound-message';

/** What a batch handler can learn about its messages (`@Ctx()`), and `working()` for all of them. */
export class JetStreamBatchContext extends BaseRpcContext<[InboundMessage[]]> {
  /** The batch's messages, in the order of the payload. */
  getMessages(): InboundMessage[] {
    return this.args[0];
  }

  /** Restarts every message's ack wait: a long batch keeps its messages. */
  working(): void {
    this.args[0].forEach((message) => message.working());
  }
}
