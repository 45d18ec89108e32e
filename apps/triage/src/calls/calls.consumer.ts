import { Controller } from '@nestjs/common';
import { CONSUMERS, EventMessage, HandlerOutcome, OnEvents, Outcome } from '@vigil/bus';
import { TakeCallUseCase } from './take-call.usecase';

/** Deliveries an unpaired alarm restore waits for its alarm before it is recorded alone. */
const RESTORE_WAIT_DELIVERIES = 3;

/** Thin adapter from the `call.*.received` stream to the open-incident use case. */
@Controller()
export class CallsConsumer {
  constructor(private readonly takeCall: TakeCallUseCase) {}

  @OnEvents(CONSUMERS.triageCalls, ['callReceived'])
  async onCallReceived(message: EventMessage<'callReceived'>): Promise<HandlerOutcome> {
    const result = await this.takeCall.execute(message.envelope.data, { lastChance: message.deliveryCount >= RESTORE_WAIT_DELIVERIES });
    // A restore can overtake its alarm (they arrive milliseconds apart): let the alarm land first.
    if (result.kind === 'restore-waiting') return Outcome.retry('restore arrived before its alarm');
    return Outcome.done(result.kind);
  }
}
