import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each camera's health as the watchdog last committed it: only transitions are written, never a
 * heartbeat. `changed_at` and `changed_rank` are the last transition's own moment; a transition
 * is written only if it is later (forward-only), which is how one replica of many writes it.
 * No foreign key to the register: a VMS may report a camera the register does not have yet.
 */
export class CameraHealth1765500000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "faults"."camera_health" (
        "camera_id" text PRIMARY KEY,
        "vms_id" text NOT NULL,
        "condition" text NOT NULL,
        "problem" text,
        "last_transition" text NOT NULL,
        "changed_at" timestamptz NOT NULL,
        "changed_rank" smallint NOT NULL,
        "written_by" text NOT NULL,
        "written_at" timestamptz NOT NULL,
        "version" integer NOT NULL CHECK ("version" >= 1)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "faults"."camera_health"`);
  }
}
