import { Controller, Type } from '@nestjs/common';
import { ConsumerDeclaration, EventMessage, HandlerOutcome, OnEventBatch, Outcome } from '@vigil/bus';
import { CameraPlacesProjection } from './camera-places.projection';

/** Entries taken per call: a replica's first start reads every camera's entry, one upsert per batch. */
const ENTRIES_PER_BATCH = 500;

/**
 * The thin adapter from CAMERA_REGISTER to triage's camera places, made for this replica's own
 * consumer (each replica holds every camera in memory; see cameraPlacesConsumerOf). Acked once
 * the newer entries are in the table: a database fault redelivers the batch.
 */
export function cameraRegisterConsumerFor(consumer: ConsumerDeclaration): Type<unknown> {
  @Controller()
  class CameraRegisterConsumer {
    constructor(private readonly projection: CameraPlacesProjection) {}

    @OnEventBatch(consumer, ['cameraRegisterEntry'], { max: ENTRIES_PER_BATCH })
    async onEntries(messages: EventMessage<'cameraRegisterEntry'>[]): Promise<HandlerOutcome[]> {
      const decided = await this.projection.take(messages.map((message) => message.envelope.data));
      return decided.map((decision) => Outcome.done(decision));
    }
  }
  return CameraRegisterConsumer;
}
