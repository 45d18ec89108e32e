import type { EntityManager } from 'typeorm';
import type { EscalationState } from '../domain';

type StoredEscalation = Omit<EscalationState, 'wakeAt'> & { wakeAt: string | null };

const read = (stored: StoredEscalation): EscalationState => ({ ...stored, wakeAt: stored.wakeAt === null ? null : new Date(stored.wakeAt) });

/** Escalations, one per alert, inside the caller's transaction. */
export const escalationStore = {
  /** The alert's escalation, locked: its timer, a new event and an acknowledgement apply one after the other. */
  async lock(manager: EntityManager, fingerprint: string): Promise<EscalationState | null> {
    const rows: { state: StoredEscalation }[] = await manager.query(`SELECT "state" FROM "notify"."escalation" WHERE "fingerprint" = $1 FOR UPDATE`, [fingerprint]);
    return rows.length ? read(rows[0].state) : null;
  },

  /** Which of `fingerprints` have an escalation, those locked until the transaction ends (in one order: no deadlock). */
  async lockWhichExist(manager: EntityManager, fingerprints: readonly string[]): Promise<Set<string>> {
    if (fingerprints.length === 0) return new Set();
    const rows: { fingerprint: string }[] = await manager.query(`SELECT "fingerprint" FROM "notify"."escalation" WHERE "fingerprint" = ANY($1) ORDER BY "fingerprint" FOR UPDATE`, [fingerprints]);
    return new Set(rows.map((row) => row.fingerprint));
  },

  async read(manager: EntityManager, fingerprint: string): Promise<EscalationState | null> {
    const rows: { state: StoredEscalation }[] = await manager.query(`SELECT "state" FROM "notify"."escalation" WHERE "fingerprint" = $1`, [fingerprint]);
    return rows.length ? read(rows[0].state) : null;
  },

  /** Keeps each state, one statement whatever their number (one state per alert). */
  async saveAll(manager: EntityManager, states: readonly EscalationState[], now: Date): Promise<void> {
    if (states.length === 0) return;
    const stored: StoredEscalation[] = states.map((state) => ({ ...state, wakeAt: state.wakeAt?.toISOString() ?? null }));
    await manager.query(
      `INSERT INTO "notify"."escalation" ("fingerprint", "state", "wake_at", "updated_at")
       SELECT "s"->>'fingerprint', "s", ("s"->>'wakeAt')::timestamptz, $2 FROM jsonb_array_elements($1::jsonb) AS "s"
       ON CONFLICT ("fingerprint") DO UPDATE SET "state" = excluded."state", "wake_at" = excluded."wake_at", "updated_at" = excluded."updated_at"`,
      [JSON.stringify(stored), now],
    );
  },
};
