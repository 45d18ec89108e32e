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

/** One finished attempt, to record: what happened, and when to try again if at all. */
export interface FinishedAttempt {
  id: string;
  record: AttemptRecord;
  retryAt: Date | null;
}

const stateAfter = (decision: RetryDecision): DeliveryState => (decision.action === 'done' ? 'delivered' : decision.action === 'retry' ? 'retrying' : 'dead-letter');

interface ClaimRow {
  id: string;
  attempts: number;
  planned: StoredPlannedDelivery;
  planned_at: Date;
  first_attempt_at: Date;
}

/** Deliveries and their attempts, inside the caller's transaction where one is given. */
export const deliveryStore = {
  /** Records planned deliveries, waiting to be sent, in one statement; each id is the one receivers see on every attempt. */
  async insertAll(manager: EntityManager, deliveries: readonly PlannedDelivery[], now: Date): Promise<string[]> {
    if (deliveries.length === 0) return [];
    const rows = deliveries.map((delivery) => ({
      id: randomUUID(),
      groupKey: delivery.groupKey,
      fingerprints: delivery.alerts.map((alert) => alert.fingerprint),
      receiver: delivery.receiver,
      channel: delivery.channel.key,
      channelType: delivery.channel.config.type,
      reason: delivery.reason,
      planned: storePlanned(delivery),
    }));
    await manager.query(
      `INSERT INTO "notify"."delivery" ("id", "group_key", "fingerprints", "receiver", "channel", "channel_type", "reason", "planned", "state", "planned_at")
       SELECT ("d"->>'id')::uuid, "d"->>'groupKey', ARRAY(SELECT jsonb_array_elements_text("d"->'fingerprints')), "d"->>'receiver', "d"->>'channel', "d"->>'channelType',
              "d"->>'reason', "d"->'planned', 'pending', $2
       FROM jsonb_array_elements($1::jsonb) AS "d"`,
      [JSON.stringify(rows), now],
    );
    return rows.map((row) => row.id);
  },

  /**
   * Claims the deliveries for one attempt each, those that are due and nobody holds, in one
   * statement: one replica sends each, however many try. A claim lapses after `claimMs`, so a
   * replica that died mid-send does not hold it for ever (the next attempt has the same delivery
   * id: the receiver can tell).
   */
  async claimAll(manager: EntityManager, ids: readonly string[], now: Date, claimMs: number): Promise<ClaimedDelivery[]> {
    if (ids.length === 0) return [];
    const rows: [ClaimRow[], number] = await manager.query(
      `UPDATE "notify"."delivery" SET "state" = 'sending', "attempts" = "attempts" + 1, "claimed_until" = $2::timestamptz + make_interval(secs => $3),
              "first_attempt_at" = coalesce("first_attempt_at", $2)
       WHERE "id" = ANY($1::uuid[]) AND (("state" IN ('pending', 'retrying') AND coalesce("next_attempt_at", $2) <= $2) OR ("state" = 'sending' AND "claimed_until" < $2))
       RETURNING "id", "attempts", "planned", "planned_at", "first_attempt_at"`,
      [ids, now, claimMs / 1000],
    );
    return rows[0].map((row) => ({ id: row.id, attempt: row.attempts, plannedAt: row.planned_at, firstAttemptAt: row.first_attempt_at, delivery: readPlanned(row.planned, row.planned_at) }));
  },

  /**
   * Records attempts and what follows from each (delivered, another try at its `retryAt`, or a
   * dead letter) in one statement, whatever their number.
   */
  async finishAll(manager: EntityManager, finished: readonly FinishedAttempt[]): Promise<void> {
    if (finished.length === 0) return;
    const rows = finished.map(({ id, record, retryAt }) => ({
      id,
      attempt: record.attempt,
      startedAt: record.startedAt,
      durationMs: record.durationMs,
      ok: record.ok,
      status: record.status ?? null,
      error: record.error ?? null,
      decision: record.decision.reason,
      state: stateAfter(record.decision),
      retryAt,
      finishedAt: new Date(record.startedAt.getTime() + record.durationMs),
    }));
    await manager.query(
      `WITH "f" AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS "x"("id" uuid, "attempt" int, "startedAt" timestamptz, "durationMs" int, "ok" boolean, "status" int,
                                                          "error" text, "decision" text, "state" text, "retryAt" timestamptz, "finishedAt" timestamptz)),
       "attempt" AS (
         INSERT INTO "notify"."delivery_attempt" ("delivery_id", "attempt", "started_at", "duration_ms", "ok", "status", "error", "decision")
         SELECT "id", "attempt", "startedAt", "durationMs", "ok", "status", "error", "decision" FROM "f")
       UPDATE "notify"."delivery" AS "d" SET "state" = "f"."state", "claimed_until" = NULL, "next_attempt_at" = "f"."retryAt", "last_error" = "f"."error",
              "delivered_at" = CASE WHEN "f"."state" = 'delivered' THEN "f"."finishedAt" ELSE NULL END
       FROM "f" WHERE "d"."id" = "f"."id"`,
      [JSON.stringify(rows)],
    );
  },
};
