import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Faults' maintenance windows as notify last heard them (the newest version wins), and the end
 * whose release was done. The pipeline reads the ones not over on every flush, hence the index on
 * the end. Kept after they end: a replayed stream finds them and changes nothing.
 */
export class MaintenanceWindow1766400000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "notify"."maintenance_window" (
        "id" uuid PRIMARY KEY,
        "scope" text NOT NULL,
        "target" text NOT NULL,
        "starts_at" timestamptz NOT NULL,
        "ends_at" timestamptz NOT NULL CHECK ("ends_at" > "starts_at"),
        "cancelled_at" timestamptz,
        "reason" text NOT NULL,
        "version" integer NOT NULL CHECK ("version" >= 1),
        "released_ends_at" timestamptz,
        "updated_at" timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "maintenance_window_ends_at" ON "notify"."maintenance_window" ("ends_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notify"."maintenance_window"`);
  }
}
