import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { Envelope } from '@vigil/contracts';

/** Where the relay sends events; the bus's `EventPublisher` fits. */
export interface EnvelopePublisher {
  publishEnvelope(envelope: Envelope, subject: string): Promise<unknown>;
}

/** A claimed outbox row. */
export interface OutboxRow {
  id: string;
  subject: string;
  envelope: Envelope;
  aggregate_id: string | null;
  aggregate_version: number | null;
}

/** Aggregates (or events without one) one pass takes. */
const BATCH = 200;
/** Versions of one aggregate one pass takes after its lowest: a busy incident's backlog goes out in a pass, not a pass per version. */
const RUN = 100;
/** Longer than a JetStream publish may take (its timeout is seconds): a claim outlives only a crashed relay. */
const CLAIM_SECONDS = 30;

/**
 * Publishes an app's outbox rows and marks them published, in three short statements and no
 * transaction across the NATS round trip: claim a batch (a lease, taken with SKIP LOCKED so
 * replicas share the work), publish it, mark it published (or release it when publishing failed).
 *
 * Order per aggregate: an aggregate's lowest unpublished version is claimable, and with it the
 * versions after it, all in one claim; the relay publishes them one after the other, each after
 * the one before was acknowledged by JetStream, and stops at a failure or a gap. So version v+1
 * is never published before v, whichever replica holds which row, and a busy aggregate's backlog
 * goes out in one pass. A crashed relay's claim lapses as soon as the database
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
    const rows = await this.claim();
    if (rows.length === 0) return 0;
    const { runs, afterGaps } = versionRuns(rows);
    const outcomes = await Promise.all(runs.map((run) => this.publishInOrder(run)));
    const published = outcomes.flatMap((outcome) => outcome.published);
    const unpublished = [...afterGaps.map((row) => row.id), ...outcomes.flatMap((outcome) => outcome.unpublished)];
    if (published.length > 0) {
      await this.dataSource.query(`UPDATE "${this.schema}"."outbox" SET "published_at" = now(), "claimed_until" = NULL, "claimed_backend" = NULL WHERE "id" = ANY($1)`, [published]);
      this.onPublished(published.length);
    }
    if (unpublished.length > 0) {
      // Released at once rather than left to lapse, so the rows go out as soon as NATS is back.
      await this.dataSource.query(`UPDATE "${this.schema}"."outbox" SET "claimed_by" = NULL, "claimed_until" = NULL, "claimed_backend" = NULL WHERE "id" = ANY($1) AND "published_at" IS NULL`, [unpublished]);
    }
    const failure = outcomes.find((outcome) => outcome.error)?.error;
    if (failure) throw failure;
    return rows.length;
  }

  /** Publishes a run of one aggregate's versions in order; after a failure the rest stay unpublished. */
  private async publishInOrder(run: readonly OutboxRow[]): Promise<{ published: string[]; unpublished: string[]; error?: Error }> {
    const published: string[] = [];
    for (const [i, row] of run.entries()) {
      try {
        await this.publisher.publishEnvelope(row.envelope, row.subject);
        published.push(row.id);
      } catch (error) {
        return { published, unpublished: run.slice(i).map((r) => r.id), error: error as Error };
      }
    }
    return { published, unpublished: [] };
  }

  /**
   * One statement, committed before anything is published: the rows this relay may publish now,
   * each claimable aggregate's lowest unpublished version with up to {@link RUN} versions after it.
   */
  private async claim(): Promise<OutboxRow[]> {
    const outbox = `"${this.schema}"."outbox"`;
    const unclaimed = (o: string) => `(${o}."claimed_until" IS NULL OR ${o}."claimed_until" < now()
                OR NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a."pid" = ${o}."claimed_backend"))`;
    const [rows] = (await this.dataSource.query(
      `WITH heads AS (
         SELECT o."id", o."aggregate_id" FROM ${outbox} o
         WHERE o."published_at" IS NULL AND ${unclaimed('o')}
           AND NOT EXISTS (
             SELECT 1 FROM ${outbox} lower
             WHERE lower."aggregate_id" = o."aggregate_id" AND lower."aggregate_version" < o."aggregate_version" AND lower."published_at" IS NULL)
         ORDER BY o."id" LIMIT ${BATCH}
         FOR UPDATE SKIP LOCKED),
       runs AS (
         SELECT ranked."id" FROM (
           SELECT later."id", row_number() OVER (PARTITION BY later."aggregate_id" ORDER BY later."aggregate_version") AS n
           FROM ${outbox} later JOIN heads h ON later."aggregate_id" = h."aggregate_id" AND later."id" <> h."id"
           WHERE later."published_at" IS NULL AND ${unclaimed('later')}) ranked
         WHERE ranked.n <= ${RUN})
       UPDATE ${outbox} SET "claimed_by" = $1, "claimed_until" = now() + make_interval(secs => $2), "claimed_backend" = pg_backend_pid()
       WHERE "id" IN (SELECT "id" FROM heads UNION ALL SELECT "id" FROM runs)
       RETURNING "id", "subject", "envelope", "aggregate_id", "aggregate_version"`,
      [this.relayId, CLAIM_SECONDS],
    )) as [OutboxRow[], number];
    return rows;
  }
}

/**
 * Groups claimed rows into what may be published in order: an event without an aggregate alone,
 * an aggregate's versions from its lowest while they follow one another (a gap means a version this
 * claim does not hold; what follows it waits for another pass and goes back unclaimed).
 */
export function versionRuns(rows: readonly OutboxRow[]): { runs: OutboxRow[][]; afterGaps: OutboxRow[] } {
  const runs = new Map<string, OutboxRow[]>();
  const afterGaps: OutboxRow[] = [];
  for (const row of [...rows].sort((a, b) => (a.aggregate_version ?? 0) - (b.aggregate_version ?? 0) || Number(a.id) - Number(b.id))) {
    const key = row.aggregate_id ?? `event:${row.id}`;
    const run = runs.get(key);
    if (!run) runs.set(key, [row]);
    else if (row.aggregate_version === run[run.length - 1].aggregate_version! + 1) run.push(row);
    else afterGaps.push(row);
  }
  return { runs: [...runs.values()].sort((a, b) => Number(a[0].id) - Number(b[0].id)), afterGaps };
}
