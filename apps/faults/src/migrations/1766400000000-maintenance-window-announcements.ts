import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Announces the windows planned before faults published them and not yet over: one
 * `maintenanceWindowChanged` outbox row per window at its current version, as windowChangedEvent
 * (maintenance/announce-window.ts) writes for each change from now on, so notify holds back the
 * faults of works already planned. Cancelled and ended windows hold nothing back and are left out.
 * The payload is windowChangedEvent's, spelt in SQL because a migration must not depend on code
 * that will change; consumers check it against the contract like any event.
 */
export class MaintenanceWindowAnnouncements1766400000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      INSERT INTO "faults"."outbox" ("event_id", "subject", "envelope", "aggregate_id", "aggregate_version")
      SELECT 'maintenance-window:' || w."id" || ':' || w."version",
             'maintenance.window.' || w."id",
             jsonb_build_object(
               'specversion', '1.0',
               'id', 'maintenance-window:' || w."id" || ':' || w."version",
               'source', '/vigil/faults',
               'type', 'vigil.maintenance-window.changed',
               'time', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'datacontenttype', 'application/json',
               'data', jsonb_build_object(
                 'windowId', w."id", 'scope', w."scope", 'target', w."target",
                 'startsAt', to_char(w."starts_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                 'endsAt', to_char(w."ends_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                 'reason', w."reason", 'cancelledAt', NULL, 'version', w."version")),
             'maintenance-window:' || w."id",
             w."version"
      FROM "faults"."maintenance_window" w
      WHERE w."cancelled_at" IS NULL AND w."ends_at" > now()
      ORDER BY w."starts_at", w."id"
      ON CONFLICT DO NOTHING`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "faults"."outbox" WHERE "aggregate_id" LIKE 'maintenance-window:%' AND "published_at" IS NULL`);
  }
}
