import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Silences people create on the console. A silence is never deleted: expiring one ends it at
 * once and says who did, so the next shift can see what was muted, by whom and why. The pipeline
 * reads the ones not yet over on every flush, hence the index on the end.
 */
export class Silence1766300000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "notify"."silence" (
        "id" uuid PRIMARY KEY,
        "matchers" jsonb NOT NULL CHECK (jsonb_typeof("matchers") = 'array' AND jsonb_array_length("matchers") > 0),
        "starts_at" timestamptz NOT NULL,
        "ends_at" timestamptz NOT NULL CHECK ("ends_at" >= "starts_at"),
        "created_by" text NOT NULL,
        "comment" text NOT NULL,
        "created_at" timestamptz NOT NULL,
        "expired_by" text,
        "expired_at" timestamptz,
        "reminded_at" timestamptz,
        "released_ends_at" timestamptz,
        CHECK (("expired_by" IS NULL) = ("expired_at" IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX "silence_ends_at" ON "notify"."silence" ("ends_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notify"."silence"`);
  }
}
