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

  /** Which of `fingerprints` have an escalation: only those have one to move. */
  async withEscalation(manager: EntityManager, fingerprints: readonly string[]): Promise<Set<string>> {
    if (fingerprints.length === 0) return new Set();
    const rows: { fingerprint: string }[] = await manager.query(`SELECT "fingerprint" FROM "notify"."escalation" WHERE "fingerprint" = ANY($1)`, [fingerprints]);
    return new Set(rows.map((row) => row.fingerprint));
  },

  async read(manager: EntityManager, fingerprint: string): Promise<EscalationState | null> {
    const rows: { state: StoredEscalation }[] = await manager.query(`SELECT "state" FROM "notify"."escalation" WHERE "fingerprint" = $1`, [fingerprint]);
    return rows.length ? read(rows[0].state) : null;
  },

  async save(manager: EntityManager, state: EscalationState, now: Date): Promise<void> {
    const stored: StoredEscalation = { ...state, wakeAt: state.wakeAt?.toISOString() ?? null };
    await manager.query(
      `INSERT INTO "notify"."escalation" ("fingerprint", "state", "wake_at", "updated_at") VALUES ($1, $2, $3, $4)
       ON CONFLICT ("fingerprint") DO UPDATE SET "state" = $2, "wake_at" = $3, "updated_at" = $4`,
      [state.fingerprint, stored, state.wakeAt, now],
    );
  },
};
