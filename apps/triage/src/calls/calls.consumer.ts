import { Injectable } from '@nestjs/common';
import { CONSUMERS, HandlerOutcome, InboundEvent, OnMessage, Outcome } from '@vigil/bus';
import { CallReceived } from '@vigil/contracts';
import { OpenIncidentUseCase } from '../incidents/open-incident.usecase';

/** Thin adapter from the `call.*.received` stream to the open-incident use case. */
@Injectable()
export class CallsConsumer {
  constructor(private readonly openIncident: OpenIncidentUseCase) {}

  @OnMessage(CONSUMERS.triageCalls)
  async onCallReceived(message: InboundEvent<CallReceived>): Promise<HandlerOutcome> {
    const result = await this.openIncident.execute(message.envelope.data);
    return Outcome.done(result.kind);
  }
}
