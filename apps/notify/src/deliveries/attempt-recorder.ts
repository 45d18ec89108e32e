import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { deliveryStore, FinishedAttempt } from './delivery-store';

/** The most attempts one statement records. */
const MOST_PER_STATEMENT = 500;

interface Waiting {
  finished: FinishedAttempt;
  done: () => void;
  failed: (error: unknown) => void;
}

/**
 * Records finished attempts as a group commit: the first is written at once, and those that
 * finish while a write is under way go together in the next one. Hundreds of webhooks answering
 * within milliseconds cost a few statements, not one each, and a lone attempt waits for nobody.
 * Each caller's promise settles when its own attempt is durable.
 */
@Injectable()
export class AttemptRecorder {
  private readonly waiting: Waiting[] = [];
  private writing = false;

  constructor(@InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource) {}

  record(finished: FinishedAttempt): Promise<void> {
    return new Promise<void>((done, failed) => {
      this.waiting.push({ finished, done, failed });
      if (!this.writing) void this.writeWaiting();
    });
  }

  private async writeWaiting(): Promise<void> {
    this.writing = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MOST_PER_STATEMENT);
      try {
        // One statement is its own transaction: no BEGIN and COMMIT round trips on the path every message takes.
        await deliveryStore.finishAll(this.dataSource.manager, batch.map((waiting) => waiting.finished));
        for (const waiting of batch) waiting.done();
      } catch (error) {
        for (const waiting of batch) waiting.failed(error);
      }
    }
    this.writing = false;
  }
}
