import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Camera places: triage's projection of faults' camera register (CAMERA_REGISTER), the newest
 * version of each camera's owner, town and point, kept so a replica that starts places calls by
 * camera before it has read the stream again. Separate from camera_version (recording gaps), which
 * follows FAULTS' changes from when triage was deployed and locks per camera for its incidents.
 */
export class CameraPlaces1765900000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "triage"."camera_place" (
        "camera_id" text PRIMARY KEY,
        "version" integer NOT NULL CHECK ("version" >= 1),
        "partner_id" text,
        "client_name" text,
        "town" text NOT NULL,
        "lat" double precision NOT NULL,
        "lon" double precision NOT NULL,
        "status" text NOT NULL,
        "registered_at" timestamptz NOT NULL,
        "projected_at" timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "triage"."camera_place"`);
  }
}
