import { DataSource, EntityManager } from 'typeorm';
import { judgeLiveness, laterOf, LivenessPolicy, LivenessVerdict } from './domain/liveness-verdict';

/** A supervised source: its kind (a gateway family, an alarm path, a camera) and its id within the kind. */
export interface LivenessSource {
  kind: string;
  id: string;
  partnerId: string | null;
}

/** A committed change of state; `version` is the row's version after it, so it names the transition. */
export interface LivenessTransition extends LivenessSource {
  from: string | null;
  to: string;
  reason: string;
  lastHeardAt: Date | null;
  changedAt: Date;
  version: number;
}

/** Where the store keeps its rows and what it calls when a transition commits. */
export interface LivenessStoreOptions {
  schema: string;
  /** A table shaped as {@link livenessTableSql} creates it. */
  table: string;
  /** How a source is judged by time; null when only events move its state. */
  policyFor(kind: string, expectedIntervalSeconds: number | null): LivenessPolicy | null;
  /** Records what announces a transition (an outbox row) in the transaction that commits it. */
  announce(manager: EntityManager, transition: LivenessTransition): Promise<void>;
}

interface Heard {
  source: LivenessSource;
  at: Date;
  expectedIntervalSeconds: number | null;
}

interface Row {
  source_kind: string;
  source_id: string;
  partner_id: string | null;
  state: string;
  last_seen: Date | null;
  expected_interval_seconds: number | null;
  changed_at: Date;
  version: number;
  inserted?: boolean;
}

const COLUMNS = `"source_kind", "source_id", "partner_id", "state", "last_seen", "expected_interval_seconds", "changed_at", "version"`;

/**
 * Sources' last-heard times and states in Postgres, shared by every replica. Heard times are
 * buffered and flushed in one statement that only moves them forward; every replica may judge,
 * and a compare-and-set on (state, version, last_seen) lets exactly one commit each transition.
 */
export class PostgresLivenessStore {
  private buffer = new Map<string, Heard>();
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: LivenessStoreOptions,
  ) {
    this.table = `"${options.schema}"."${options.table}"`;
  }

  /** Notes a word from the source, in memory until the next {@link flush}. */
  heard(source: LivenessSource, at: Date, expectedIntervalSeconds: number | null): void {
    const key = `${source.kind}\u0000${source.id}`;
    const previous = this.buffer.get(key);
    this.buffer.set(key, {
      source: { ...source, partnerId: source.partnerId ?? previous?.source.partnerId ?? null },
      at: laterOf(previous?.at ?? null, at),
      expectedIntervalSeconds,
    });
  }

  /** Stores the buffered heard times in one statement; a source stored for the first time comes up. */
  async flush(): Promise<LivenessTransition[]> {
    if (this.buffer.size === 0) return [];
    // Sorted, so two replicas flushing the same sources lock their rows in the same order.
    const heard = [...this.buffer.values()].sort((x, y) => compareKeys(x.source, y.source));
    this.buffer = new Map();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const rows: Row[] = await manager.query(
          `INSERT INTO ${this.table} AS t (${COLUMNS}, "reason")
           SELECT u.kind, u.id, u.partner_id, 'up', u.at, u.interval, u.at, 1, 'first-heard'
           FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::integer[]) AS u(kind, id, partner_id, at, interval)
           ON CONFLICT ("source_kind", "source_id") DO UPDATE SET
             "last_seen" = GREATEST(t."last_seen", excluded."last_seen"),
             "partner_id" = COALESCE(excluded."partner_id", t."partner_id"),
             "expected_interval_seconds" = COALESCE(excluded."expected_interval_seconds", t."expected_interval_seconds")
           RETURNING ${COLUMNS}, (xmax = 0) AS "inserted"`,
          [
            heard.map((h) => h.source.kind),
            heard.map((h) => h.source.id),
            heard.map((h) => h.source.partnerId),
            heard.map((h) => h.at),
            heard.map((h) => h.expectedIntervalSeconds),
          ],
        );
        const transitions = rows.filter((row) => row.inserted).map((row) => transitionOf(row, null, 'first-heard'));
        for (const transition of transitions) await this.options.announce(manager, transition);
        return transitions;
      });
    } catch (error) {
      // Kept for the next flush: a heard time is only dropped once it is stored.
      heard.forEach((h) => this.heard(h.source, h.at, h.expectedIntervalSeconds));
      throw error;
    }
  }

  /** Judges every stored source at `now` and commits the transitions this replica wins. */
  async evaluate(now: Date): Promise<LivenessTransition[]> {
    const rows: Row[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM ${this.table}`);
    const transitions: LivenessTransition[] = [];
    for (const row of rows) {
      const policy = this.options.policyFor(row.source_kind, row.expected_interval_seconds);
      const verdict = judgeLiveness({ state: row.state, lastHeardAt: row.last_seen, changedAt: row.changed_at }, now, policy);
      if (verdict.state === row.state) continue;
      const transition = await this.compareAndSet(row, verdict, now);
      if (transition) transitions.push(transition);
    }
    return transitions;
  }

  /** Sets a state decided by an event (a key mismatch, another component's verdict); nothing when it already holds. */
  async set(source: LivenessSource, state: string, reason: string, at: Date): Promise<LivenessTransition | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const [inserted]: Row[] = await manager.query(
        `INSERT INTO ${this.table} (${COLUMNS}, "reason") VALUES ($1, $2, $3, $4, NULL, NULL, $5, 1, $6)
         ON CONFLICT ("source_kind", "source_id") DO NOTHING RETURNING ${COLUMNS}`,
        [source.kind, source.id, source.partnerId, state, at, reason],
      );
      const transition = inserted
        ? transitionOf(inserted, null, reason)
        : await this.setExisting(manager, source, state, reason, at);
      if (transition) await this.options.announce(manager, transition);
      return transition;
    });
  }

  private async setExisting(manager: EntityManager, source: LivenessSource, state: string, reason: string, at: Date): Promise<LivenessTransition | undefined> {
    const [row]: Row[] = await manager.query(`SELECT ${COLUMNS} FROM ${this.table} WHERE "source_kind" = $1 AND "source_id" = $2 FOR UPDATE`, [
      source.kind,
      source.id,
    ]);
    if (row.state === state) return undefined;
    const [[updated]]: [Row[], number] = await manager.query(
      `UPDATE ${this.table} SET "state" = $3, "reason" = $4, "changed_at" = $5, "version" = "version" + 1,
         "partner_id" = COALESCE($6, "partner_id")
       WHERE "source_kind" = $1 AND "source_id" = $2 RETURNING ${COLUMNS}`,
      [source.kind, source.id, state, reason, at, source.partnerId],
    );
    return transitionOf(updated, row.state, reason);
  }

  // Wins only if no replica changed the state or stored a later heard time since the row was read.
  private compareAndSet(row: Row, verdict: LivenessVerdict, now: Date): Promise<LivenessTransition | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const [[updated]]: [Row[], number] = await manager.query(
        `UPDATE ${this.table} SET "state" = $3, "reason" = $4, "changed_at" = $5, "version" = "version" + 1
         WHERE "source_kind" = $1 AND "source_id" = $2 AND "state" = $6 AND "version" = $7 AND "last_seen" IS NOT DISTINCT FROM $8::timestamptz
         RETURNING ${COLUMNS}`,
        [row.source_kind, row.source_id, verdict.state, verdict.reason, now, row.state, row.version, row.last_seen],
      );
      if (!updated) return undefined;
      const transition = transitionOf(updated, row.state, verdict.reason);
      await this.options.announce(manager, transition);
      return transition;
    });
  }
}

function transitionOf(row: Row, from: string | null, reason: string): LivenessTransition {
  return {
    kind: row.source_kind,
    id: row.source_id,
    partnerId: row.partner_id,
    from,
    to: row.state,
    reason,
    lastHeardAt: row.last_seen,
    changedAt: row.changed_at,
    version: row.version,
  };
}

function compareKeys(x: LivenessSource, y: LivenessSource): number {
  return x.kind === y.kind ? x.id.localeCompare(y.id) : x.kind.localeCompare(y.kind);
}
