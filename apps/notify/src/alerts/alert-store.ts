import type { EntityManager } from 'typeorm';
import type { Alert, AlertKind } from '../domain';
import { readAlert, StoredAlert, storeAlert } from './stored-alert';

/** Notify's alerts, one row per real thing, read and written inside the caller's transaction. */
export const alertStore = {
  /** The alert held for `fingerprint`, locked until the transaction ends: two events about one thing apply one after the other. */
  async lock(manager: EntityManager, fingerprint: string): Promise<Alert | null> {
    const rows: { alert: StoredAlert }[] = await manager.query(`SELECT "alert" FROM "notify"."alert" WHERE "fingerprint" = $1 FOR UPDATE`, [fingerprint]);
    return rows.length ? readAlert(rows[0].alert) : null;
  },

  async save(manager: EntityManager, alert: Alert, now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO "notify"."alert" ("fingerprint", "kind", "status", "version", "alert", "updated_at") VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ("fingerprint") DO UPDATE SET "kind" = $2, "status" = $3, "version" = $4, "alert" = $5, "updated_at" = $6`,
      [alert.fingerprint, alert.labels.kind, alert.status, alert.version, storeAlert(alert), now],
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
