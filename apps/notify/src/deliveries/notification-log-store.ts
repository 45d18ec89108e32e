import type { EntityManager } from 'typeorm';
import type { NotificationLogEntry } from '../domain';

interface LogRow {
  group_key: string;
  channel: string;
  firing: Record<string, number>;
  resolved: string[];
  sent_at: Date;
}

/**
 * The notification log: per group and channel, what was last decided to send. It is written when
 * the delivery is planned, in the same transaction as the delivery row, rather
 * than after the send as Alertmanager does: the planned delivery is durable and will be sent (or
 * kept as a dead letter, which takes its entry back), so a second flush racing the first send
 * must already see it and not plan the same message again.
 */
export const notificationLogStore = {
  /** The entries of each group, by group key (a group never told has none). */
  async entriesOf(manager: EntityManager, groupKeys: readonly string[]): Promise<Map<string, NotificationLogEntry[]>> {
    const entries = new Map<string, NotificationLogEntry[]>();
    if (groupKeys.length === 0) return entries;
    const rows: LogRow[] = await manager.query(`SELECT * FROM "notify"."notification_log" WHERE "group_key" = ANY($1)`, [groupKeys]);
    for (const row of rows) {
      const entry = { groupKey: row.group_key, channel: row.channel, firing: row.firing, resolved: row.resolved, sentAt: row.sent_at };
      entries.set(row.group_key, [...(entries.get(row.group_key) ?? []), entry]);
    }
    return entries;
  },

  /** Records the entries, one statement whatever their number; each (group, channel) appears once. */
  async recordAll(manager: EntityManager, entries: readonly NotificationLogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO "notify"."notification_log" ("group_key", "channel", "firing", "resolved", "sent_at")
       SELECT "e"->>'groupKey', "e"->>'channel', "e"->'firing', "e"->'resolved', ("e"->>'sentAt')::timestamptz FROM jsonb_array_elements($1::jsonb) AS "e"
       ON CONFLICT ("group_key", "channel") DO UPDATE SET "firing" = excluded."firing", "resolved" = excluded."resolved", "sent_at" = excluded."sent_at"`,
      [JSON.stringify(entries)],
    );
  },

  /** A dead letter was never told: its entry goes, if still its own, so the next flush tries again (as Alertmanager's would). */
  async forget(manager: EntityManager, groupKey: string, channel: string, plannedAt: Date): Promise<void> {
    await manager.query(`DELETE FROM "notify"."notification_log" WHERE "group_key" = $1 AND "channel" = $2 AND "sent_at" = $3`, [groupKey, channel, plannedAt]);
  },
};
