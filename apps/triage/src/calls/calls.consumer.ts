import { Controller } from '@nestjs/common';
import { CONSUMERS, EventMessage, HandlerOutcome, OnEventBatch, Outcome } from '@vigil/bus';
import { BatchTakeResult, TakeCallUseCase } from './take-call.usecase';

/** Calls committed in one transaction at most: a burst of hundreds costs one commit, not hundreds. */
const CALLS_PER_TRANSACTION = 100;
/**
 * Transactions in progress at once: a call's statements are round trips one after the other, so
 * one batch leaves Postgres and this process mostly waiting on each other. Alarm calls of one
 * account still go one at a time (an advisory lock), as they do across replicas; 2 × 100 stays
 * within the consumer's 256 unacknowledged messages.
 */
const TRANSACTIONS_IN_PARALLEL = 2;

/** Thin adapter from the `call.*.received` stream to the open-incident use case, a batch at a time. */
@Controller()
export class CallsConsumer {
  constructor(private readonly takeCall: TakeCallUseCase) {}

  @OnEventBatch(CONSUMERS.triageCalls, ['callReceived'], { max: CALLS_PER_TRANSACTION, parallel: TRANSACTIONS_IN_PARALLEL })
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
