import { Controller } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CONSUMERS, EventMessage, HandlerOutcome, OnEvents, Outcome } from '@vigil/bus';
import { escapeUnstorable } from '@vigil/contracts';
import { INGEST_SCHEMA } from '../ingest.schema';
import { DeadLetterEntity } from './dead-letter.entity';

/**
 * Copies the dead-letter stream into a table the API and dashboard can search. The raw bytes go
 * to `bytea` as they are; the texts are escaped where Postgres cannot store them, since a reason
 * may quote the very NUL or broken surrogate the message was refused for.
 */
@Controller()
export class DeadLettersConsumer {
  constructor(@InjectDataSource(INGEST_SCHEMA) private readonly dataSource: DataSource) {}

  @OnEvents(CONSUMERS.ingestDeadLetters, ['deadLetter'])
  async onDeadLetter(message: EventMessage<'deadLetter'>): Promise<HandlerOutcome> {
    const letter = message.envelope.data;
    const inserted = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(DeadLetterEntity)
      .values({
        id: message.envelope.id,
        rejectedBy: escapeUnstorable(letter.rejectedBy),
        origin: escapeUnstorable(letter.origin),
        reason: escapeUnstorable(letter.reason),
        raw: Buffer.from(letter.rawBase64, 'base64'),
        receivedAt: new Date(letter.receivedAt),
        deliveryAttempts: letter.deliveryAttempts,
      })
      .orIgnore()
      .execute();
    return Outcome.done(inserted.identifiers.length > 0 ? 'recorded' : 'already-recorded');
  }
}
