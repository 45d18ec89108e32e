import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CONSUMERS, EventPublisher, HandlerOutcome, InboundMessage, OnMessage, Outcome } from '@vigil/bus';
import { CallReceived, parseGatewaySubject, TownlinkRadioState } from '@vigil/contracts';
import { normaliseAirwave } from '../airwave/normalise-airwave';
import { INGEST_SCHEMA } from '../ingest.schema';
import { SourceRegistry } from '../supervision/source-registry';
import { normaliseTownlink } from '../townlink/normalise-townlink';
import { RadioStateEntity } from '../townlink/radio-state.entity';

/** What any gateway normaliser can say about one message. */
type GatewayResult =
  | { kind: 'call'; call: CallReceived }
  | { kind: 'heartbeat' }
  | { kind: 'radio-state'; change: TownlinkRadioState }
  | { kind: 'rejected'; reason: string };

/**
 * Reads what radio gateways publish (Airwave, Town Link / Pub Link), announces each call once
 * keyed by the gateway's own message id, and counts every valid message as a sign of life.
 */
@Injectable()
export class GatewaysConsumer {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly sources: SourceRegistry,
    @InjectDataSource(INGEST_SCHEMA) private readonly dataSource: DataSource,
  ) {}

  @OnMessage(CONSUMERS.ingestAirwave, 'raw')
  onAirwave(message: InboundMessage): Promise<HandlerOutcome> {
    const subject = parseGatewaySubject(message.subject);
    const receivedAt = new Date();
    return this.settle('airwave', subject?.gatewayId, normaliseAirwave(subject?.kind, message.data, receivedAt), receivedAt);
  }

  @OnMessage(CONSUMERS.ingestTownlink, 'raw')
  onTownlink(message: InboundMessage): Promise<HandlerOutcome> {
    const subject = parseGatewaySubject(message.subject);
    const receivedAt = new Date();
    return this.settle('townlink', subject?.gatewayId, normaliseTownlink(subject?.kind, message.data, receivedAt), receivedAt);
  }

  private async settle(family: 'airwave' | 'townlink', gatewayId: string | undefined, result: GatewayResult, receivedAt: Date): Promise<HandlerOutcome> {
    if (result.kind === 'rejected') return Outcome.reject(result.reason);
    if (gatewayId) this.sources.gatewayHeard(family, gatewayId, receivedAt);
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
