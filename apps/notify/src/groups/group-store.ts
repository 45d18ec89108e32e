import type { EntityManager } from 'typeorm';
import type { Alert, GroupTiming, MatchedRoute } from '../domain';
import { readAlert, StoredAlert } from '../alerts/stored-alert';
import { readRoute, StoredRoute, storeRoute } from './stored-route';

/** A group waiting to go out: its timing and the route it was made for. */
export interface StoredGroup {
  groupKey: string;
  route: MatchedRoute;
  timing: GroupTiming;
}

interface GroupRow {
  group_key: string;
  route: StoredRoute;
  created_at: Date;
  last_flush_at: Date | null;
  flush_at: Date;
}

const toGroup = (row: GroupRow): StoredGroup => ({
  groupKey: row.group_key,
  route: readRoute(row.route),
  timing: { createdAt: row.created_at, lastFlushAt: row.last_flush_at, flushAt: row.flush_at },
});

/** Alert groups and their members, inside the caller's transaction. */
export const groupStore = {
  /** The groups `fingerprint` is a member of. */
  async memberOf(manager: EntityManager, fingerprint: string): Promise<string[]> {
    const rows: { group_key: string }[] = await manager.query(`SELECT "group_key" FROM "notify"."group_member" WHERE "fingerprint" = $1`, [fingerprint]);
    return rows.map((row) => row.group_key);
  },

  /** The timings of these groups, locked: joining and flushing one group happen one after the other. */
  async lockTimings(manager: EntityManager, groupKeys: readonly string[]): Promise<Map<string, GroupTiming>> {
    if (groupKeys.length === 0) return new Map();
    const rows: GroupRow[] = await manager.query(`SELECT * FROM "notify"."alert_group" WHERE "group_key" = ANY($1) ORDER BY "group_key" FOR UPDATE`, [groupKeys]);
    return new Map(rows.map((row) => [row.group_key, toGroup(row).timing]));
  },

  async lock(manager: EntityManager, groupKey: string): Promise<StoredGroup | null> {
    const rows: GroupRow[] = await manager.query(`SELECT * FROM "notify"."alert_group" WHERE "group_key" = $1 FOR UPDATE`, [groupKey]);
    return rows.length ? toGroup(rows[0]) : null;
  },

  /** Creates the group or moves its timing, and makes the alert a member, in one round trip; says whether the group is new. */
  async join(manager: EntityManager, groupKey: string, route: MatchedRoute, timing: GroupTiming, fingerprint: string): Promise<{ created: boolean }> {
    const rows: { created: boolean }[] = await manager.query(
      `WITH "group" AS (
         INSERT INTO "notify"."alert_group" ("group_key", "route", "created_at", "last_flush_at", "flush_at") VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT ("group_key") DO UPDATE SET "route" = $2, "flush_at" = $5
         RETURNING "group_key", (xmax = 0) AS "created"),
       "member" AS (INSERT INTO "notify"."group_member" ("group_key", "fingerprint") SELECT "group_key", $6 FROM "group" ON CONFLICT DO NOTHING)
       SELECT "created" FROM "group"`,
      [groupKey, storeRoute(route), timing.createdAt, timing.lastFlushAt, timing.flushAt, fingerprint],
    );
    return { created: rows[0].created };
  },

  async leave(manager: EntityManager, groupKeys: readonly string[], fingerprint: string): Promise<void> {
    if (groupKeys.length === 0) return;
    await manager.query(`DELETE FROM "notify"."group_member" WHERE "group_key" = ANY($1) AND "fingerprint" = $2`, [groupKeys, fingerprint]);
  },

  async members(manager: EntityManager, groupKey: string): Promise<Alert[]> {
    const rows: { alert: StoredAlert }[] = await manager.query(
      `SELECT a."alert" FROM "notify"."group_member" m JOIN "notify"."alert" a USING ("fingerprint") WHERE m."group_key" = $1 ORDER BY a."fingerprint"`,
      [groupKey],
    );
    return rows.map((row) => readAlert(row.alert));
  },

  async saveTiming(manager: EntityManager, groupKey: string, timing: GroupTiming): Promise<void> {
    await manager.query(`UPDATE "notify"."alert_group" SET "last_flush_at" = $2, "flush_at" = $3 WHERE "group_key" = $1`, [groupKey, timing.lastFlushAt, timing.flushAt]);
  },

  /** Resolved alerts leave once their resolution has gone out; a group left empty closes. Returns whether it closed. */
  async dropResolved(manager: EntityManager, groupKey: string, resolved: readonly string[], members: number): Promise<boolean> {
    // Nothing resolved, nothing leaves: the group keeps its members without asking Postgres.
    if (resolved.length === 0) return members === 0 && (await this.close(manager, groupKey));
    await manager.query(`DELETE FROM "notify"."group_member" WHERE "group_key" = $1 AND "fingerprint" = ANY($2)`, [groupKey, resolved]);
    const left: { count: number }[] = await manager.query(`SELECT count(*)::int AS count FROM "notify"."group_member" WHERE "group_key" = $1`, [groupKey]);
    return left[0].count === 0 && (await this.close(manager, groupKey));
  },

  async close(manager: EntityManager, groupKey: string): Promise<boolean> {
    await manager.query(`DELETE FROM "notify"."alert_group" WHERE "group_key" = $1`, [groupKey]);
    return true;
  },
};
