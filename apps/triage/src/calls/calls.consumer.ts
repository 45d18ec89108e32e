import { Controller } from '@nestjs/common';
import { CONSUMERS, EventMessage, HandlerOutcome, OnEventBatch, Outcome } from '@vigil/bus';
import { BatchTakeResult, TakeCallUseCase } from './take-call.usecase';

/** Deliveries an unpaired alarm restore waits for its alarm before it is recorded alone. */
const RESTORE_WAIT_DELIVERIES = 3;
/** Calls committed in one transaction at most: a burst of hundreds costs one commit, not hundreds. */
const CALLS_PER_TRANSACTION = 200;

/** Thin adapter from the `call.*.received` stream to the open-incident use case, a batch at a time. */
@Controller()
export class CallsConsumer {
  constructor(private readonly takeCall: TakeCallUseCase) {}

  @OnEventBatch(CONSUMERS.triageCalls, ['callReceived'], { max: CALLS_PER_TRANSACTION, lingerSeconds: 1 })
  async onCallsReceived(messages: EventMessage<'callReceived'>[]): Promise<HandlerOutcome[]> {
    const results = await this.takeCall.execute(
      messages.map((message) => ({ call: message.envelope.data, lastChance: message.deliveryCount >= RESTORE_WAIT_DELIVERIES })),
    );
    return results.map(outcomeOf);
  }
}

function outcomeOf(result: BatchTakeResult): HandlerOutcome {
  switch (result.kind) {
    // A restore can overtake its alarm (they arrive milliseconds apart): let the alarm land first.
    case 'restore-waiting':
      return Outcome.retry('restore arrived before its alarm');
    // Rolled back alone; the rest of the batch committed. Redelivered into a later batch.
    case 'failed':
      return Outcome.retry(`could not take call: ${result.reason}`);
    default:
      return Outcome.done(result.kind);
  }
}
