import type { EntityManager } from 'typeorm';
import type { Alert, AlertKind } from '../domain';
import { readAlert, StoredAlert, storeAlert } from './stored-alert';

/** Notify's alerts, one row per real thing, read and written inside the caller's transaction. */
export const alertStore = {
  /**
   * The alerts held for `fingerprints`, locked until the transaction ends, with an advisory lock
   * per fingerprint first (an alert seen for the first time has no row to lock). Locks are taken
   * in one order, so two batches sharing alerts wait for each other rather than deadlock.
   */
  async lockAll(manager: EntityManager, fingerprints: readonly string[]): Promise<Map<string, Alert>> {
    const ordered = [...new Set(fingerprints)].sort();
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended("f", 0)) FROM unnest($1::text[]) WITH ORDINALITY AS t("f", "n") ORDER BY "n"`, [ordered]);
    const rows: { alert: StoredAlert }[] = await manager.query(`SELECT "alert" FROM "notify"."alert" WHERE "fingerprint" = ANY($1) ORDER BY "fingerprint" FOR UPDATE`, [ordered]);
    return new Map(rows.map((row) => [row.alert.fingerprint, readAlert(row.alert)]));
  },

  /** Saves each alert's latest state, in one statement whatever their number (one row per fingerprint). */
  async saveAll(manager: EntityManager, alerts: readonly Alert[], now: Date): Promise<void> {
    if (alerts.length === 0) return;
    await manager.query(
      `INSERT INTO "notify"."alert" ("fingerprint", "kind", "status", "version", "alert", "updated_at")
       SELECT "a"->>'fingerprint', "a"->'labels'->>'kind', "a"->>'status', ("a"->>'version')::bigint, "a", $2 FROM jsonb_array_elements($1::jsonb) AS "a"
       ON CONFLICT ("fingerprint") DO UPDATE SET "kind" = excluded."kind", "status" = excluded."status", "version" = excluded."version", "alert" = excluded."alert", "updated_at" = excluded."updated_at"`,
      [JSON.stringify(alerts.map(storeAlert)), now],
    );
  },

  async byFingerprint(manager: EntityManager, fingerprint: string): Promise<Alert | null> {
    const rows: { alert: StoredAlert }[] = await manager.query(`SELECT "alert" FROM "notify"."alert" WHERE "fingerprint" = $1`, [fingerprint]);
    return rows.length ? readAlert(rows[0].alert) : null;
  },

  /** Firing alerts of the given kinds: the possible sources of an inhibition. */
  async firingOfKinds(manager: EntityManager, kinds: readonly AlertKind[]): Promise<Alert[]> {
    if (kinds.length === 0) return [];
    const rows: { alert: StoredAlert }[] = await manager.query(`SELECT "alert" FROM "notify"."alert" WHERE "status" = 'firing' AND "kind" = ANY($1)`, [kinds]);
    return rows.map((row) => readAlert(row.alert));
  },
};
