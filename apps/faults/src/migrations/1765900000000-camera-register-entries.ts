import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Announces every camera registered before faults published register entries: one
 * `cameraRegisterEntry` outbox row per camera at its current version, as cameraChangeEvents
 * (register/announce-camera.ts) writes for each change from now on, so CAMERA_REGISTER holds the
 * whole register and a projection (triage's camera places) learns cameras of any age. The payload
 * is toCameraView's, spelt in SQL because a migration must not depend on code that will change;
 * consumers check it against the contract like any event.
 */
export class CameraRegisterEntries1765900000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      INSERT INTO "faults"."outbox" ("event_id", "subject", "envelope", "aggregate_id", "aggregate_version")
      SELECT 'camera-register-entry:' || c."camera_id" || ':' || c."version",
             'register.camera.' || c."camera_id",
             jsonb_build_object(
               'specversion', '1.0',
               'id', 'camera-register-entry:' || c."camera_id" || ':' || c."version",
               'source', '/vigil/faults',
               'type', 'vigil.camera.register-entry',
               'time', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'datacontenttype', 'application/json',
               'data', jsonb_build_object(
                 'cameraId', c."camera_id", 'number', c."number", 'location', c."location",
                 'partnerId', c."partner_id", 'clientName', c."client_name", 'town', c."town",
                 'siteId', c."site_id", 'networkSegment', c."network_segment", 'lat', c."lat", 'lon', c."lon",
                 'type', c."type", 'monitoring', c."monitoring", 'retentionDays', c."retention_days",
                 'status', c."status", 'inPublicView', c."status" = 'in-service',
                 'updatedAt', to_char(c."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                 'version', c."version")),
             'camera-register-entry:' || c."camera_id",
             c."version"
      FROM "faults"."camera" c
      ORDER BY c."camera_id"
      ON CONFLICT DO NOTHING`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "faults"."outbox" WHERE "aggregate_id" LIKE 'camera-register-entry:%' AND "published_at" IS NULL`);
  }
}
