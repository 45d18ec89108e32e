import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { PlannedDelivery, RetryDecision } from '../domain';
import { readPlanned, StoredPlannedDelivery, storePlanned } from './stored-delivery';

/** Where a delivery is: waiting, being sent by one replica, waiting to try again, or finished one way or the other. */
export type DeliveryState = 'pending' | 'sending' | 'retrying' | 'delivered' | 'dead-letter';

/** A delivery one replica has claimed for one attempt. */
export interface ClaimedDelivery {
  id: string;
  attempt: number;
  plannedAt: Date;
  firstAttemptAt: Date;
  delivery: PlannedDelivery;
}

/** How one attempt went, for the delivery log. */
export interface AttemptRecord {
  attempt: number;
  startedAt: Date;
  durationMs: number;
  ok: boolean;
  status?: number;
  error?: string;
  decision: RetryDecision;
}

interface ClaimRow {
  id: string;
  attempts: number;
  planned: StoredPlannedDelivery;
  planned_at: Date;
  first_attempt_at: Date;
}

/** Deliveries and their attempts, inside the caller's transaction where one is given. */
export const deliveryStore = {
  /** Records a planned delivery, waiting to be sent; its id is the one receivers see on every attempt. */
  async insert(manager: EntityManager, delivery: PlannedDelivery, now: Date): Promise<string> {
    const id = randomUUID();
    await manager.query(
      `INSERT INTO "notify"."delivery" ("id", "group_key", "fingerprints", "receiver", "channel", "channel_type", "reason", "planned", "state", "planned_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9)`,
      [id, delivery.groupKey, delivery.alerts.map((alert) => alert.fingerprint), delivery.receiver, delivery.channel.key, delivery.channel.config.type, delivery.reason, storePlanned(delivery), now],
    );
    return id;
  },

  /**
   * Claims the delivery for one attempt, if it is due and nobody holds it: one replica sends it,
   * however many try. A claim lapses after `claimMs`, so a replica that died mid-send does not
   * hold it for ever (the next attempt has the same delivery id: the receiver can tell).
   */
  async claim(manager: EntityManager, id: string, now: Date, claimMs: number): Promise<ClaimedDelivery | null> {
    const rows: [ClaimRow[], number] = await manager.query(
      `UPDATE "notify"."delivery" SET "state" = 'sending', "attempts" = "attempts" + 1, "claimed_until" = $2::timestamptz + make_interval(secs => $3),
              "first_attempt_at" = coalesce("first_attempt_at", $2)
       WHERE "id" = $1 AND (("state" IN ('pending', 'retrying') AND coalesce("next_attempt_at", $2) <= $2) OR ("state" = 'sending' AND "claimed_until" < $2))
       RETURNING "id", "attempts", "planned", "planned_at", "first_attempt_at"`,
      [id, now, claimMs / 1000],
    );
    const row = rows[0][0];
    if (!row) return null;
    return { id: row.id, attempt: row.attempts, plannedAt: row.planned_at, firstAttemptAt: row.first_attempt_at, delivery: readPlanned(row.planned, row.planned_at) };
  },

  /** Where a delivery stands and when it may next be tried (for a caller that could not claim it). */
  async stateOf(manager: EntityManager, id: string): Promise<{ state: DeliveryState; retryAt: Date | null } | null> {
    const rows: { state: DeliveryState; next_attempt_at: Date | null; claimed_until: Date | null }[] = await manager.query(
      `SELECT "state", "next_attempt_at", "claimed_until" FROM "notify"."delivery" WHERE "id" = $1`,
      [id],
    );
    if (!rows.length) return null;
    const row = rows[0];
    return { state: row.state, retryAt: row.state === 'sending' ? row.claimed_until : row.next_attempt_at };
  },

  /** Records the attempt and what follows from it (delivered, another try at `retryAt`, or a dead letter) in one statement. */
  async finishAttempt(manager: EntityManager, id: string, record: AttemptRecord, retryAt: Date | null): Promise<void> {
    const { decision } = record;
    const state: DeliveryState = decision.action === 'done' ? 'delivered' : decision.action === 'retry' ? 'retrying' : 'dead-letter';
    await manager.query(
      `WITH "attempt" AS (
         INSERT INTO "notify"."delivery_attempt" ("delivery_id", "attempt", "started_at", "duration_ms", "ok", "status", "error", "decision") VALUES ($1, $2, $3, $4, $5, $6, $7, $8))
       UPDATE "notify"."delivery" SET "state" = $9, "claimed_until" = NULL, "next_attempt_at" = $10, "last_error" = $7,
              "delivered_at" = CASE WHEN $9 = 'delivered' THEN $11::timestamptz ELSE NULL END
       WHERE "id" = $1`,
      [id, record.attempt, record.startedAt, record.durationMs, record.ok, record.status ?? null, record.error ?? null, decision.reason, state, retryAt, new Date(record.startedAt.getTime() + record.durationMs)],
    );
  },
};
