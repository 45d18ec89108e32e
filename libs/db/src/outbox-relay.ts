import { DataSource } from 'typeorm';
import { Envelope } from '@vigil/contracts';

/** Where the relay sends events; the bus's `EventPublisher` fits. */
export interface EnvelopePublisher {
  publishEnvelope(envelope: Envelope, subject: string): Promise<unknown>;
}

interface OutboxRow {
  id: string;
  subject: string;
  envelope: Envelope;
}

const BATCH = 200;

/**
 * Publishes an app's outbox rows in order and marks them published. Rows are locked with
 * SKIP LOCKED so replicas share the work; a crash after publish and before the mark only
 * republishes with the same msg id, which JetStream drops as a duplicate.
 */
export class OutboxRelay {
  private running?: Promise<void>;
  private again = false;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly publisher: EnvelopePublisher,
    private readonly onError: (error: Error) => void,
    private readonly onPublished: (count: number) => void = () => undefined,
  ) {}

  /** Starts the safety-net poll; most rows go out at once through {@link kick}. */
  start(pollMs = 1_000): void {
    this.timer = setInterval(() => this.kick(), pollMs);
    this.kick();
  }

  /** Asks for a relay pass now (after a commit); coalesces with one already running. */
  kick(): void {
    // After stop, rows wait in the table for the next start: the connection is about to close.
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: Error) => this.onError(error))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Stops polling and waits for the pass in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.stopped = true;
    this.again = false;
    await this.running;
  }

  private async drain(): Promise<void> {
    while (this.dataSource.isInitialized && (await this.relayBatch()) === BATCH);
  }

  private async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT "id", "subject", "envelope" FROM "${this.schema}"."outbox"
         WHERE "published_at" IS NULL ORDER BY "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      await Promise.all(rows.map((row) => this.publisher.publishEnvelope(row.envelope, row.subject)));
      await manager.query(`UPDATE "${this.schema}"."outbox" SET "published_at" = now() WHERE "id" = ANY($1)`, [
        rows.map((r) => r.id),
      ]);
      this.onPublished(rows.length);
      return rows.length;
    });
  }
}
