import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MaintenanceWindow, MaintenanceWindowRecord, windowInForce } from '../domain';
import { NOTIFY_SCHEMA } from '../notify.schema';
import type { MaintenanceInForce } from './maintenance-in-force';

interface WindowRow {
  id: string;
  scope: MaintenanceWindowRecord['scope'];
  target: string;
  starts_at: Date;
  ends_at: Date;
  cancelled_at: Date | null;
  reason: string;
  version: number;
  released_ends_at: Date | null;
}

const recordOf = (row: WindowRow): MaintenanceWindowRecord => ({
  windowId: row.id,
  scope: row.scope,
  target: row.target,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  cancelledAt: row.cancelled_at,
  reason: row.reason,
  version: row.version,
  releasedEndsAt: row.released_ends_at,
});

/** How far back `inForce` reaches: a flush just after a window ended can still name it. */
const JUST_ENDED_MS = 60_000;

/** Faults' maintenance windows as notify keeps them (`notify.maintenance_window`). */
@Injectable()
export class MaintenanceWindowStore implements MaintenanceInForce {
  constructor(@InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource) {}

  /**
   * The windows that may hold something back now or soon: every one not over (ended or cancelled)
   * for more than a minute, those still to come included (the muter tells which are under way).
   * The pipeline calls it on every flush: one query on the index of the end.
   */
  async inForce(now: Date, manager: EntityManager = this.dataSource.manager): Promise<MaintenanceWindow[]> {
    const since = new Date(now.getTime() - JUST_ENDED_MS);
    const rows: WindowRow[] = await manager.query(
      `SELECT * FROM "notify"."maintenance_window" WHERE "ends_at" > $1 AND ("cancelled_at" IS NULL OR "cancelled_at" > $1)`,
      [since],
    );
    return rows.map((row) => windowInForce(recordOf(row)));
  }

  /** The window kept for `windowId`, locked until the caller's transaction ends; null when none is. */
  async lock(manager: EntityManager, windowId: string): Promise<MaintenanceWindowRecord | null> {
    const [row]: WindowRow[] = await manager.query(`SELECT * FROM "notify"."maintenance_window" WHERE "id" = $1 FOR UPDATE`, [windowId]);
    return row ? recordOf(row) : null;
  }

  /** Writes the window's newer version (the caller decided it is newer, under the lock). */
  async save(manager: EntityManager, record: MaintenanceWindowRecord, now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO "notify"."maintenance_window" ("id", "scope", "target", "starts_at", "ends_at", "cancelled_at", "reason", "version", "released_ends_at", "updated_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT ("id") DO UPDATE SET "scope" = $2, "target" = $3, "starts_at" = $4, "ends_at" = $5, "cancelled_at" = $6, "reason" = $7, "version" = $8, "released_ends_at" = $9, "updated_at" = $10`,
      [record.windowId, record.scope, record.target, record.startsAt, record.endsAt, record.cancelledAt, record.reason, record.version, record.releasedEndsAt, now],
    );
  }

  /** Records that what the window held up to `end` has been released. */
  async markReleased(manager: EntityManager, windowId: string, end: Date): Promise<void> {
    await manager.query(`UPDATE "notify"."maintenance_window" SET "released_ends_at" = $2 WHERE "id" = $1`, [windowId, end]);
  }
}
