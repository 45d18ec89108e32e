import { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '@vigil/db';

/** The alarm account register, the supervision state of every source, Town Link radio stuns, and ingest's outbox. */
export class AlarmsAndSupervision1763884800002 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ingest"."alarm_account" (
        "account" text PRIMARY KEY,
        "partner_id" text NOT NULL,
        "site" text NOT NULL,
        "address" text NOT NULL,
        "zones" jsonb NOT NULL DEFAULT '{}',
        "users" jsonb NOT NULL DEFAULT '{}',
        "key_hex" text,
        "test_interval_seconds" integer,
        "updated_by" text NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "ingest"."source_state" (
        "source_kind" text NOT NULL,
        "source_id" text NOT NULL,
        "partner_id" text,
        "state" text NOT NULL,
        "last_seen" timestamptz,
        "expected_interval_seconds" integer,
        "changed_at" timestamptz NOT NULL,
        "reason" text NOT NULL,
        PRIMARY KEY ("source_kind", "source_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "ingest"."radio_state" (
        "scheme" text NOT NULL,
        "radio_id" text NOT NULL,
        "member_id" text,
        "state" text NOT NULL,
        "changed_at" timestamptz NOT NULL,
        "changed_by" text,
        "reason" text,
        "gateway_id" text NOT NULL,
        PRIMARY KEY ("scheme", "radio_id")
      )`);
    for (const sql of outboxTableSql('ingest')) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ingest"."outbox", "ingest"."radio_state", "ingest"."source_state", "ingest"."alarm_account"`);
  }
}
