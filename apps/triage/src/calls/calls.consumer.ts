import { Injectable } from '@nestjs/common';
import { CONSUMERS, HandlerOutcome, InboundEvent, OnMessage, Outcome } from '@vigil/bus';
import { CallReceived } from '@vigil/contracts';
import { TakeCallUseCase } from './take-call.usecase';

/** Deliveries an unpaired alarm restore waits for its alarm before it is recorded alone. */
const RESTORE_WAIT_DELIVERIES = 3;

/** Thin adapter from the `call.*.received` stream to the open-incident use case. */
@Injectable()
export class CallsConsumer {
  constructor(private readonly takeCall: TakeCallUseCase) {}

  @OnMessage(CONSUMERS.triageCalls)
  async onCallReceived(message: InboundEvent<CallReceived>): Promise<HandlerOutcome> {
    const result = await this.takeCall.execute(message.envelope.data, { lastChance: message.deliveryCount >= RESTORE_WAIT_DELIVERIES });
    // A restore can overtake its alarm (they arrive milliseconds apart): let the alarm land first.
    if (result.kind === 'restore-waiting') return Outcome.retry('restore arrived before its alarm');
    return Outcome.done(result.kind);
  }
}
