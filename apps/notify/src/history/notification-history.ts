import type { EntityManager } from 'typeorm';
import { escalationStepKey, EscalationState } from '../domain';

/** One attempt at a delivery, as the console shows it. */
export interface AttemptView {
  attempt: number;
  at: string;
  durationMs: number;
  ok: boolean;
  status?: number;
  error?: string;
}

/** One delivery: to whom, on what, why, and how it went. */
export interface DeliveryView {
  id: string;
  receiver: string;
  channel: string;
  channelType: string;
  reason: string;
  state: string;
  fingerprints: string[];
  plannedAt: string;
  deliveredAt: string | null;
  lastError: string | null;
  attempts: AttemptView[];
}

/** Who acknowledged, when, how, and what it did. */
export interface AcknowledgementView {
  by: string;
  at: string;
  via: 'console' | 'link';
  outcome: string;
}

/** An escalation as the console shows it. */
export interface EscalationView {
  policy: string;
  phase: EscalationState['phase'];
  level: number;
  round: number;
  nextAt: string | null;
  acknowledgedBy: string | null;
}

export const escalationView = (state: EscalationState): EscalationView => ({
  policy: state.policy,
  phase: state.phase,
  level: state.level,
  round: state.round,
  nextAt: state.wakeAt?.toISOString() ?? null,
  acknowledgedBy: state.acknowledgedBy,
});

interface DeliveryRow {
  id: string;
  receiver: string;
  channel: string;
  channel_type: string;
  reason: string;
  state: string;
  fingerprints: string[];
  planned_at: Date;
  delivered_at: Date | null;
  last_error: string | null;
  attempts: { attempt: number; started_at: string; duration_ms: number; ok: boolean; status: number | null; error: string | null }[] | null;
}

const toView = (row: DeliveryRow): DeliveryView => ({
  id: row.id,
  receiver: row.receiver,
  channel: row.channel,
  channelType: row.channel_type,
  reason: row.reason,
  state: row.state,
  fingerprints: row.fingerprints,
  plannedAt: row.planned_at.toISOString(),
  deliveredAt: row.delivered_at?.toISOString() ?? null,
  lastError: row.last_error,
  attempts: (row.attempts ?? []).map((a) => ({
    attempt: a.attempt,
    at: new Date(a.started_at).toISOString(),
    durationMs: a.duration_ms,
    ok: a.ok,
    ...(a.status !== null && { status: a.status }),
    ...(a.error !== null && { error: a.error }),
  })),
});

const SELECT_DELIVERIES = `
  SELECT d."id", d."receiver", d."channel", d."channel_type", d."reason", d."state", d."fingerprints", d."planned_at", d."delivered_at", d."last_error",
         (SELECT json_agg(json_build_object('attempt', a."attempt", 'started_at', a."started_at", 'duration_ms', a."duration_ms", 'ok', a."ok", 'status', a."status", 'error', a."error") ORDER BY a."attempt")
          FROM "notify"."delivery_attempt" a WHERE a."delivery_id" = d."id") AS "attempts"
  FROM "notify"."delivery" d`;

/** The delivery log, read for REST and the console. */
export const notificationHistory = {
  /** Every delivery that told of the alert, oldest first; only to `receivers` when the reader may not see them all. */
  async deliveriesOf(manager: EntityManager, fingerprint: string, receivers: 'all' | readonly string[]): Promise<DeliveryView[]> {
    const rows: DeliveryRow[] = await manager.query(`${SELECT_DELIVERIES} WHERE d."fingerprints" @> ARRAY[$1]::text[] AND ($2::text[] IS NULL OR d."receiver" = ANY($2)) ORDER BY d."planned_at", d."id"`, [
      fingerprint,
      receivers === 'all' ? null : receivers,
    ]);
    return rows.map(toView);
  },

  /** The newest deliveries, optionally of one state or receiver. */
  async recent(manager: EntityManager, filter: { state?: string; receiver?: string; limit: number }): Promise<DeliveryView[]> {
    const rows: DeliveryRow[] = await manager.query(
      `${SELECT_DELIVERIES} WHERE ($1::text IS NULL OR d."state" = $1) AND ($2::text IS NULL OR d."receiver" = $2) ORDER BY d."planned_at" DESC, d."id" LIMIT $3`,
      [filter.state ?? null, filter.receiver ?? null, filter.limit],
    );
    return rows.map(toView);
  },

  /**
   * When the level an escalation last told was first told, from the deliveries the reader may see:
   * a step of the policy by its group key; the first level of the first round (told by the routing
   * rule, not by escalation) by the first delivery to that receiver about the alert.
   */
  async stepToldAt(manager: EntityManager, state: EscalationState, receivers: 'all' | readonly string[]): Promise<string | null> {
    const step = state.level === 0 && state.round === 0 ? null : `${escalationStepKey(state)}:`;
    const rows: { at: Date | null }[] = await manager.query(
      `SELECT min(d."planned_at") AS "at" FROM "notify"."delivery" d
       WHERE d."fingerprints" @> ARRAY[$1]::text[] AND ($2::text[] IS NULL OR d."receiver" = ANY($2))
         AND CASE WHEN $3::text IS NULL THEN d."receiver" = $4 AND NOT starts_with(d."group_key", 'escalation:') ELSE starts_with(d."group_key", $3) END`,
      [state.fingerprint, receivers === 'all' ? null : receivers, step, state.firstLevel],
    );
    return rows[0]?.at?.toISOString() ?? null;
  },

  async acknowledgementsOf(manager: EntityManager, fingerprint: string): Promise<AcknowledgementView[]> {
    const rows: { acknowledged_by: string; acknowledged_at: Date; via: 'console' | 'link'; outcome: string }[] = await manager.query(
      `SELECT "acknowledged_by", "acknowledged_at", "via", "outcome" FROM "notify"."acknowledgement" WHERE "fingerprint" = $1 ORDER BY "id"`,
      [fingerprint],
    );
    return rows.map((row) => ({ by: row.acknowledged_by, at: row.acknowledged_at.toISOString(), via: row.via, outcome: row.outcome }));
  },
};
