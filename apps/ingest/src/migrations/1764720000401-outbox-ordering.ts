import { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxOrderingSql } from '@vigil/db';

/** The outbox columns the relay claims rows and orders each aggregate's events by (shared relay, shared table shape). */
export class OutboxOrdering1764720000401 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of outboxOrderingSql('ingest')) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ingest"."outbox_unpublished_aggregate"`);
    await queryRunner.query(
      `ALTER TABLE "ingest"."outbox" DROP COLUMN "aggregate_id", DROP COLUMN "aggregate_version", DROP COLUMN "claimed_by", DROP COLUMN "claimed_until", DROP COLUMN "claimed_backend"`,
    );
  }
}
