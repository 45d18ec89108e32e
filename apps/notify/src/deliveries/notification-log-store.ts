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
  async entries(manager: EntityManager, groupKey: string): Promise<NotificationLogEntry[]> {
    const rows: LogRow[] = await manager.query(`SELECT * FROM "notify"."notification_log" WHERE "group_key" = $1`, [groupKey]);
    return rows.map((row) => ({ groupKey: row.group_key, channel: row.channel, firing: row.firing, resolved: row.resolved, sentAt: row.sent_at }));
  },

  async record(manager: EntityManager, entry: NotificationLogEntry): Promise<void> {
    await manager.query(
      `INSERT INTO "notify"."notification_log" ("group_key", "channel", "firing", "resolved", "sent_at") VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ("group_key", "channel") DO UPDATE SET "firing" = $3, "resolved" = $4, "sent_at" = $5`,
      [entry.groupKey, entry.channel, JSON.stringify(entry.firing), JSON.stringify(entry.resolved), entry.sentAt],
    );
  },

  /** A dead letter was never told: its entry goes, if still its own, so the next flush tries again (as Alertmanager's would). */
  async forget(manager: EntityManager, groupKey: string, channel: string, plannedAt: Date): Promise<void> {
    await manager.query(`DELETE FROM "notify"."notification_log" WHERE "group_key" = $1 AND "channel" = $2 AND "sent_at" = $3`, [groupKey, channel, plannedAt]);
  },
};
