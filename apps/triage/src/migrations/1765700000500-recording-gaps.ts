import { MigrationInterface, QueryRunner } from 'typeorm';

/** Recording gaps: cameras of open incidents that went down, and the newest camera version triage has taken. */
export class RecordingGaps1765700000500 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    // Camera events come from faults; the version drops a redelivered or overtaken one (0: none taken yet).
    await queryRunner.query(`
      CREATE TABLE "triage"."camera_version" (
        "camera_id" text PRIMARY KEY,
        "version" integer NOT NULL CHECK ("version" >= 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE "triage"."recording_gap" (
        "id" bigserial PRIMARY KEY,
        "incident_id" uuid NOT NULL REFERENCES "triage"."incident" ("id"),
        "camera_id" text NOT NULL,
        "started_at" timestamptz NOT NULL,
        "ended_at" timestamptz,
        CONSTRAINT "recording_gap_ends_after_start" CHECK ("ended_at" IS NULL OR "ended_at" >= "started_at")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "recording_gap_open" ON "triage"."recording_gap" ("camera_id", "incident_id") WHERE "ended_at" IS NULL`);
    await queryRunner.query(`CREATE INDEX "recording_gap_incident" ON "triage"."recording_gap" ("incident_id", "started_at")`);
    // "Which open incidents have this camera?" on every camera that goes down.
    await queryRunner.query(`CREATE INDEX "incident_open_cameras" ON "triage"."incident" USING gin ("cameras" jsonb_path_ops) WHERE "status" <> 'closed'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "triage"."incident_open_cameras"`);
    await queryRunner.query(`DROP TABLE "triage"."recording_gap", "triage"."camera_version"`);
  }
}
