import type { EntityManager } from 'typeorm';

/** A delivery planned this long ago and still unsent was left by a replica that died before sending it. */
export const UNSENT_AFTER_MS = 5_000;
/** At most this many of each per look: the rest are found on the next. */
const BATCH = 200;

/** What is due now: groups whose flush time has come, and deliveries to try (again). */
export async function dueWork(manager: EntityManager, now: Date): Promise<{ groups: string[]; deliveries: string[] }> {
  const groups: { group_key: string }[] = await manager.query(`SELECT "group_key" FROM "notify"."alert_group" WHERE "flush_at" <= $1 ORDER BY "flush_at" LIMIT $2`, [now, BATCH]);
  const deliveries: { id: string }[] = await manager.query(
    `SELECT "id" FROM "notify"."delivery"
     WHERE "state" IN ('pending', 'sending', 'retrying')
       AND CASE "state" WHEN 'pending' THEN "planned_at" <= $2 WHEN 'retrying' THEN "next_attempt_at" <= $1 ELSE "claimed_until" < $1 END
     ORDER BY "planned_at" LIMIT $3`,
    [now, new Date(now.getTime() - UNSENT_AFTER_MS), BATCH],
  );
  return { groups: groups.map((row) => row.group_key), deliveries: deliveries.map((row) => row.id) };
}
