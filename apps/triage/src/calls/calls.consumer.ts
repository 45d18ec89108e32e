import { Controller } from '@nestjs/common';
import { CONSUMERS, EventMessage, HandlerOutcome, OnEventBatch, Outcome } from '@vigil/bus';
import { BatchTakeResult, TakeCallUseCase } from './take-call.usecase';

/** Calls committed in one transaction at most: a burst of hundreds costs one commit, not hundreds. */
const CALLS_PER_TRANSACTION = 200;

/** Thin adapter from the `call.*.received` stream to the open-incident use case, a batch at a time. */
@Controller()
export class CallsConsumer {
  constructor(private readonly takeCall: TakeCallUseCase) {}

  @OnEventBatch(CONSUMERS.triageCalls, ['callReceived'], { max: CALLS_PER_TRANSACTION, lingerSeconds: 1 })
  async onCallsReceived(messages: EventMessage<'callReceived'>[]): Promise<HandlerOutcome[]> {
    const results = await this.takeCall.execute(messages.map((message) => message.envelope.data));
    return results.map(outcomeOf);
  }
}

function outcomeOf(result: BatchTakeResult): HandlerOutcome {
  // Rolled back alone; the rest of the batch committed. Redelivered into a later batch.
  if (result.kind === 'failed') return Outcome.retry(`could not take call: ${result.reason}`);
  // A restore that overtook its alarm is stored with a restore-wait timer: the message is done either way.
  return Outcome.done(result.kind);
}
