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
  /** The groups of `fingerprints`, each alert's list of group keys (an alert in none has no entry). */
  async membershipsOf(manager: EntityManager, fingerprints: readonly string[]): Promise<Map<string, string[]>> {
    const memberships = new Map<string, string[]>();
    if (fingerprints.length === 0) return memberships;
    const rows: { group_key: string; fingerprint: string }[] = await manager.query(
      `SELECT "group_key", "fingerprint" FROM "notify"."group_member" WHERE "fingerprint" = ANY($1)`,
      [fingerprints],
    );
    for (const row of rows) memberships.set(row.fingerprint, [...(memberships.get(row.fingerprint) ?? []), row.group_key]);
    return memberships;
  },

  /** These groups, locked in key order (the order every flush and join locks them in: no deadlock). */
  async lockAll(manager: EntityManager, groupKeys: readonly string[]): Promise<StoredGroup[]> {
    if (groupKeys.length === 0) return [];
    const rows: GroupRow[] = await manager.query(`SELECT * FROM "notify"."alert_group" WHERE "group_key" = ANY($1) ORDER BY "group_key" FOR UPDATE`, [groupKeys]);
    return rows.map(toGroup);
  },

  /**
   * Creates the groups or moves their timing, and adds the members, in one round trip whatever
   * their number. Each group appears once in `groups`.
   */
  async joinAll(manager: EntityManager, groups: readonly StoredGroup[], members: readonly { groupKey: string; fingerprint: string }[]): Promise<void> {
    if (groups.length === 0) return;
    await manager.query(
      `WITH "group" AS (
         INSERT INTO "notify"."alert_group" ("group_key", "route", "created_at", "last_flush_at", "flush_at")
         SELECT "g"->>'groupKey', "g"->'route', ("g"->>'createdAt')::timestamptz, ("g"->>'lastFlushAt')::timestamptz, ("g"->>'flushAt')::timestamptz
         FROM jsonb_array_elements($1::jsonb) AS "g"
         ON CONFLICT ("group_key") DO UPDATE SET "route" = excluded."route", "flush_at" = excluded."flush_at"
         RETURNING "group_key"),
       "member" AS (
         INSERT INTO "notify"."group_member" ("group_key", "fingerprint")
         SELECT "k", "f" FROM unnest($2::text[], $3::text[]) AS "m"("k", "f") ON CONFLICT DO NOTHING)
       SELECT count(*) FROM "group"`,
      [
        JSON.stringify(groups.map((group) => ({ groupKey: group.groupKey, route: storeRoute(group.route), ...group.timing }))),
        members.map((member) => member.groupKey),
        members.map((member) => member.fingerprint),
      ],
    );
  },

  /** Takes each alert out of the groups it no longer routes to. */
  async leaveAll(manager: EntityManager, leaves: readonly { groupKey: string; fingerprint: string }[]): Promise<void> {
    if (leaves.length === 0) return;
    await manager.query(
      `DELETE FROM "notify"."group_member" AS "m" USING unnest($1::text[], $2::text[]) AS "l"("k", "f") WHERE "m"."group_key" = "l"."k" AND "m"."fingerprint" = "l"."f"`,
      [leaves.map((leave) => leave.groupKey), leaves.map((leave) => leave.fingerprint)],
    );
  },

  /** The members of each group, by group key. */
  async membersOf(manager: EntityManager, groupKeys: readonly string[]): Promise<Map<string, Alert[]>> {
    const members = new Map<string, Alert[]>(groupKeys.map((key) => [key, []]));
    if (groupKeys.length === 0) return members;
    const rows: { group_key: string; alert: StoredAlert }[] = await manager.query(
      `SELECT m."group_key", a."alert" FROM "notify"."group_member" m JOIN "notify"."alert" a USING ("fingerprint") WHERE m."group_key" = ANY($1) ORDER BY m."group_key", a."fingerprint"`,
      [groupKeys],
    );
    for (const row of rows) members.get(row.group_key)?.push(readAlert(row.alert));
    return members;
  },

  /** Keeps each flushed group's next flush, in one statement. */
  async saveTimings(manager: EntityManager, groups: readonly { groupKey: string; timing: GroupTiming }[]): Promise<void> {
    if (groups.length === 0) return;
    await manager.query(
      `UPDATE "notify"."alert_group" AS "g" SET "last_flush_at" = "t"."last", "flush_at" = "t"."next"
       FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS "t"("k", "last", "next") WHERE "g"."group_key" = "t"."k"`,
      [groups.map((group) => group.groupKey), groups.map((group) => group.timing.lastFlushAt), groups.map((group) => group.timing.flushAt)],
    );
  },

  /**
   * Resolved alerts leave their groups once their resolution has gone out; a group left empty
   * closes. Returns the groups that closed.
   */
  async dropResolvedAll(manager: EntityManager, flushed: readonly { groupKey: string; resolved: readonly string[]; members: number }[]): Promise<Set<string>> {
    const closing = flushed.filter((group) => group.members === 0).map((group) => group.groupKey);
    const withResolved = flushed.filter((group) => group.resolved.length > 0);
    // Nothing resolved, nothing leaves: the groups keep their members without asking Postgres.
    if (withResolved.length > 0) {
      const pairs = withResolved.flatMap((group) => group.resolved.map((fingerprint) => ({ groupKey: group.groupKey, fingerprint })));
      await this.leaveAll(manager, pairs);
      const emptied: { group_key: string }[] = await manager.query(
        `SELECT "k" AS "group_key" FROM unnest($1::text[]) AS "k" WHERE NOT EXISTS (SELECT 1 FROM "notify"."group_member" m WHERE m."group_key" = "k")`,
        [withResolved.map((group) => group.groupKey)],
      );
      closing.push(...emptied.map((row) => row.group_key));
    }
    if (closing.length > 0) await manager.query(`DELETE FROM "notify"."alert_group" WHERE "group_key" = ANY($1)`, [closing]);
    return new Set(closing);
  },
};
