import { randomUUID } from 'node:crypto';
import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@vigil/auth';
import { EventPublisher } from '@vigil/bus';
import { INGEST_SCHEMA } from '../ingest.schema';
import { DeadLetterReplayEntity } from './dead-letter-replay.entity';
import { DeadLetterEntity } from './dead-letter.entity';
import { replayTarget } from './replay-target';

/** What a replay did: the subject the bytes went to and the message id they went as. */
export interface ReplayReceipt {
  deadLetterId: string;
  subject: string;
  messageId: string;
  streamSeq: number;
  replayedAt: string;
}

/**
 * Sends a dead letter's kept bytes back to the subject they came from, once its cause is fixed.
 * The new message id gets past the stream's duplicate window; consumers downstream still
 * de-duplicate on the call key, so replaying twice opens one incident. The audit row and the
 * publish share a transaction: no replay goes out unrecorded.
 */
@Injectable()
export class ReplayDeadLetterUseCase {
  private readonly logger = new Logger('DeadLetters');

  constructor(
    @InjectDataSource(INGEST_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
  ) {}

  async execute(deadLetterId: string, by: Principal): Promise<ReplayReceipt> {
    const letter = await this.dataSource.getRepository(DeadLetterEntity).findOneBy({ id: deadLetterId });
    if (!letter) throw new NotFoundException(`no dead letter ${deadLetterId}`);
    const target = replayTarget(letter.origin);
    if (!target.ok) throw new ConflictException(target.reason);
    const messageId = `replay:${deadLetterId}:${randomUUID()}`;
    const replayedAt = new Date();
    const streamSeq = await this.dataSource.transaction(async (manager) => {
      await manager.insert(DeadLetterReplayEntity, {
        deadLetterId,
        replayedBy: by.subject,
        replayedByRole: by.role,
        replayedAt,
        subject: target.subject,
        messageId,
      });
      return (await this.publisher.publishRaw(target.subject, letter.raw, messageId)).streamSeq;
    });
    this.logger.log({ msg: 'dead letter replayed', deadLetterId, subject: target.subject, messageId, replayedBy: by.subject, role: by.role });
    return { deadLetterId, subject: target.subject, messageId, streamSeq, replayedAt: replayedAt.toISOString() };
  }
}
