import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
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
/** Longer than a JetStream publish may take (its timeout is seconds): a claim outlives only a crashed relay. */
const CLAIM_SECONDS = 30;

/**
 * Publishes an app's outbox rows and marks them published, in three short statements and no
 * transaction across the NATS round trip: claim a batch (a lease, taken with SKIP LOCKED so
 * replicas share the work), publish it, mark it published (or release it when publishing failed).
 *
 * Order per aggregate: a row is claimable only while no lower version of its aggregate is
 * unpublished, so version v+1 is never published before v has been acknowledged by JetStream,
 * whichever replica holds which row. A crashed relay's claim lapses as soon as the database
 * connection that took it is gone (a killed process's connections close with it; the claim
 * records that backend's pid), and at the latest after {@link CLAIM_SECONDS}; its rows are then
 * published again with the same msg id (dropped by JetStream inside the
 * duplicate window, dropped by consumers on the version after it).
 */
export class OutboxRelay {
  private running?: Promise<void>;
  private again = false;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private readonly relayId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

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
    // A batch smaller than BATCH does not mean done: publishing v may just have made v+1 claimable.
    while (this.dataSource.isInitialized && !this.stopped && (await this.relayBatch()) > 0);
  }

  private async relayBatch(): Promise<number> {
    const rows = (await this.claim()).sort((a, b) => Number(a.id) - Number(b.id));
    if (rows.length === 0) return 0;
    const results = await Promise.allSettled(rows.map((row) => this.publisher.publishEnvelope(row.envelope, row.subject)));
    const published = rows.filter((_, i) => results[i].status === 'fulfilled').map((row) => row.id);
    const failed = rows.filter((_, i) => results[i].status === 'rejected').map((row) => row.id);
    if (published.length > 0) {
      await this.dataSource.query(`UPDATE "${this.schema}"."outbox" SET "published_at" = now(), "claimed_until" = NULL, "claimed_backend" = NULL WHERE "id" = ANY($1)`, [published]);
      this.onPublished(published.length);
    }
    if (failed.length > 0) {
      // Released at once rather than left to lapse, so the rows go out as soon as NATS is back.
      await this.dataSource.query(`UPDATE "${this.schema}"."outbox" SET "claimed_by" = NULL, "claimed_until" = NULL, "claimed_backend" = NULL WHERE "id" = ANY($1) AND "published_at" IS NULL`, [failed]);
      throw (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as Error;
    }
    return rows.length;
  }

  /** One statement, committed before anything is published: the rows this relay may publish now. */
  private async claim(): Promise<OutboxRow[]> {
    const outbox = `"${this.schema}"."outbox"`;
    const [rows] = (await this.dataSource.query(
      `UPDATE ${outbox} SET "claimed_by" = $1, "claimed_until" = now() + make_interval(secs => $2), "claimed_backend" = pg_backend_pid()
       WHERE "id" IN (
         SELECT o."id" FROM ${outbox} o
         WHERE o."published_at" IS NULL
           AND (o."claimed_until" IS NULL OR o."claimed_until" < now()
                OR NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a."pid" = o."claimed_backend"))
           AND NOT EXISTS (
             SELECT 1 FROM ${outbox} lower
             WHERE lower."aggregate_id" = o."aggregate_id" AND lower."aggregate_version" < o."aggregate_version" AND lower."published_at" IS NULL)
         ORDER BY o."id" LIMIT ${BATCH}
         FOR UPDATE SKIP LOCKED)
       RETURNING "id", "subject", "envelope"`,
      [this.relayId, CLAIM_SECONDS],
    )) as [OutboxRow[], number];
    return rows;
  }
}
