import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every version of the routing rules, kept whole: the newest is in force, the others say who
 * changed what and why. The version is the primary key, so two edits of the same version cannot
 * both be recorded: the second is told it is stale.
 */
export class RoutingVersion1766000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "notify"."routing_version" (
        "version" integer PRIMARY KEY CHECK ("version" >= 1),
        "config" jsonb NOT NULL,
        "changed_by" text NOT NULL,
        "changed_at" timestamptz NOT NULL,
        "comment" text NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notify"."routing_version"`);
  }
}
