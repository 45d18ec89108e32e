import { Injectable } from '@nestjs/common';
import { CONSUMERS, HandlerOutcome, InboundEvent, OnMessage, Outcome } from '@vigil/bus';
import { CallReceived } from '@vigil/contracts';
import { TakeCallUseCase } from './take-call.usecase';

/** Thin adapter from the `call.*.received` stream to the open-incident use case. */
@Injectable()
export class CallsConsumer {
  constructor(private readonly takeCall: TakeCallUseCase) {}

  @OnMessage(CONSUMERS.triageCalls)
  async onCallReceived(message: InboundEvent<CallReceived>): Promise<HandlerOutcome> {
    // A restore that overtook its alarm is stored with a restore-wait timer: the message is done either way.
    return Outcome.done((await this.takeCall.execute(message.envelope.data)).kind);
  }
}
