import { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxOrderingSql } from '@vigil/db';

/** Each incident's version (1 when opened, +1 per change), and the outbox columns that keep its events in version order. */
export class IncidentVersions1764720000402 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "triage"."incident" ADD COLUMN "version" integer NOT NULL DEFAULT 1 CHECK ("version" >= 1)`);
    for (const sql of outboxOrderingSql('triage')) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "triage"."outbox_unpublished_aggregate"`);
    await queryRunner.query(
      `ALTER TABLE "triage"."outbox" DROP COLUMN "aggregate_id", DROP COLUMN "aggregate_version", DROP COLUMN "claimed_by", DROP COLUMN "claimed_until", DROP COLUMN "claimed_backend"`,
    );
    await queryRunner.query(`ALTER TABLE "triage"."incident" DROP COLUMN "version"`);
  }
}
