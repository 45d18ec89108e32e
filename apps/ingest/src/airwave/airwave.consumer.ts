import { Injectable, Logger } from '@nestjs/common';
import { CONSUMERS, EventPublisher, HandlerOutcome, InboundMessage, OnMessage, Outcome } from '@vigil/bus';
import { airwaveKindOf } from '@vigil/contracts';
import { normaliseAirwave } from './normalise-airwave';

/** Reads what Airwave gateways publish and announces each call once, keyed by the gateway's message id. */
@Injectable()
export class AirwaveConsumer {
  private readonly logger = new Logger('Airwave');

  constructor(private readonly publisher: EventPublisher) {}

  @OnMessage(CONSUMERS.ingestAirwave, 'raw')
  async onGatewayMessage(message: InboundMessage): Promise<HandlerOutcome> {
    const result = normaliseAirwave(airwaveKindOf(message.subject), message.data, new Date());
    switch (result.kind) {
      case 'rejected':
        return Outcome.reject(result.reason);
      case 'heartbeat':
        this.logger.debug({ msg: 'gateway heartbeat', gatewayId: result.gatewayId });
        return Outcome.done('heartbeat');
      case 'call': {
        const receipt = await this.publisher.publish('callReceived', result.call, { id: `call:${result.call.callKey}` });
        return Outcome.done(receipt.duplicate ? 'duplicate-call' : 'call');
      }
    }
  }
}
