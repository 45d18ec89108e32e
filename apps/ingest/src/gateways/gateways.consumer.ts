import { Controller } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CONSUMERS, EventPublisher, HandlerOutcome, InboundMessage, OnRawBatch, Outcome, transientFaultOf } from '@vigil/bus';
import { CallReceived, GatewayFamily, TownlinkRadioState } from '@vigil/contracts';
import { normaliseAirwave } from '../airwave/normalise-airwave';
import { INGEST_SCHEMA } from '../ingest.schema';
import { SourceRegistry } from '../supervision/source-registry';
import { normaliseTownlink } from '../townlink/normalise-townlink';
import { RadioStateEntity } from '../townlink/radio-state.entity';
import { routeGatewaySubject } from './gateway-route';

/** What any gateway normaliser can say about one message. */
type GatewayResult =
  | { kind: 'call'; call: CallReceived }
  | { kind: 'heartbeat' }
  | { kind: 'radio-state'; change: TownlinkRadioState }
  | { kind: 'rejected'; reason: string };

const NORMALISERS: Record<GatewayFamily, (kind: string, gatewayId: string, bytes: Uint8Array, receivedAt: Date) => GatewayResult> = {
  airwave: normaliseAirwave,
  townlink: normaliseTownlink,
};

/** Messages handled in one call: their calls are published together, their acks sent together. */
const MESSAGES_PER_BATCH = 100;
/** Batches in hand at once; 2 × 100 stays within the consumer's 256 unacknowledged messages. */
const BATCHES_IN_PARALLEL = 2;

/**
 * Reads everything gateways publish (Airwave, Town Link / Pub Link, and whatever else lands on
 * `gw.>`, which is dead-lettered), announces each call once keyed by the subject's gateway and the
 * gateway's own message id, and counts every valid message as a sign of life.
 */
@Controller()
export class GatewaysConsumer {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly sources: SourceRegistry,
    @InjectDataSource(INGEST_SCHEMA) private readonly dataSource: DataSource,
  ) {}

  /**
   * A batch at a time, each message on its own: every call of the batch is published in one
   * synchronous pass, so a burst of calls costs NATS one write, not one per call (a socket write
   * is the dearest thing ingest does per message). A message that fails alone is retried alone;
   * a broker or database gone holds the batch.
   */
  @OnRawBatch(CONSUMERS.ingestGateways, { max: MESSAGES_PER_BATCH, parallel: BATCHES_IN_PARALLEL })
  onGatewayMessages(messages: InboundMessage[]): Promise<HandlerOutcome[]> {
    return Promise.all(
      messages.map((message) =>
        this.onGatewayMessage(message).catch((error: Error) => {
          if (transientFaultOf(error)) throw error;
          return Outcome.retry(`could not take gateway message: ${error.message}`);
        }),
      ),
    );
  }

  private async onGatewayMessage(message: InboundMessage): Promise<HandlerOutcome> {
    const route = routeGatewaySubject(message.subject);
    if (!route.ok) return Outcome.reject(route.reason);
    const receivedAt = new Date();
    const result = NORMALISERS[route.family](route.kind, route.gatewayId, message.data, receivedAt);
    return this.settle(route.family, route.gatewayId, result, receivedAt);
  }

  private async settle(family: GatewayFamily, gatewayId: string, result: GatewayResult, receivedAt: Date): Promise<HandlerOutcome> {
    if (result.kind === 'rejected') return Outcome.reject(result.reason);
    this.sources.gatewayHeard(family, gatewayId, receivedAt);
    switch (result.kind) {
      case 'heartbeat':
        return Outcome.done('heartbeat');
      case 'radio-state':
        await this.recordRadioState(result.change);
        return Outcome.done(`radio-${result.change.state}`);
      case 'call': {
        const receipt = await this.publisher.publish('callReceived', result.call, { id: `call:${result.call.callKey}` });
        return Outcome.done(receipt.duplicate ? 'duplicate-call' : 'call');
      }
    }
  }

  private async recordRadioState(change: TownlinkRadioState): Promise<void> {
    await this.dataSource.getRepository(RadioStateEntity).upsert(
      {
        scheme: change.scheme,
        radioId: change.radioId,
        memberId: change.memberId ?? null,
        state: change.state,
        changedAt: new Date(change.occurredAt),
        changedBy: change.by ?? null,
        reason: change.reason ?? null,
        gatewayId: change.gatewayId,
      },
      ['scheme', 'radioId'],
    );
  }
}
