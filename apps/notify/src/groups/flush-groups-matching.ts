import type { EntityManager } from 'typeorm';
import { labelsMatch, Matcher } from '../domain';
import { readAlert, StoredAlert } from '../alerts/stored-alert';

/**
 * Brings forward to `now` the flush of every group holding a firing alert the matchers match, for
 * what a silence or maintenance window held back to go at once once it is over (the due-work
 * poller flushes them within its interval; the pipeline still holds what something else holds).
 * The groups are locked in key order first, as every multi-group change locks them, so this
 * cannot deadlock with a dispatch. Returns how many groups were brought forward.
 */
export async function flushGroupsMatchingNow(manager: EntityManager, matchers: readonly Matcher[], now: Date): Promise<number> {
  const rows: { group_key: string; alert: StoredAlert }[] = await manager.query(
    `SELECT m."group_key", a."alert" FROM "notify"."group_member" m JOIN "notify"."alert" a USING ("fingerprint") WHERE a."status" = 'firing'`,
  );
  const groups = [...new Set(rows.filter((row) => labelsMatch(matchers, readAlert(row.alert).labels)).map((row) => row.group_key))].sort();
  if (groups.length === 0) return 0;
  await manager.query(`SELECT 1 FROM "notify"."alert_group" WHERE "group_key" = ANY($1) ORDER BY "group_key" FOR UPDATE`, [groups]);
  await manager.query(`UPDATE "notify"."alert_group" SET "flush_at" = $2 WHERE "group_key" = ANY($1) AND "flush_at" > $2`, [groups, now]);
  return groups.length;
}
