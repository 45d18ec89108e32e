import { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '@vigil/db';

/** Incidents, the calls that opened them, their timeline and the outbox. */
export class CreateTriage1763884800000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "triage"."incident_reference_seq"`);
    await queryRunner.query(`
      CREATE TABLE "triage"."incident" (
        "id" uuid PRIMARY KEY,
        "reference" text NOT NULL UNIQUE,
        "category" text NOT NULL,
        "subcategory" text,
        "partner_id" text,
        "town" text,
        "call_source" text NOT NULL,
        "grade" smallint NOT NULL,
        "status" text NOT NULL,
        "summary" text NOT NULL,
        "received_at" timestamptz NOT NULL,
        "opened_at" timestamptz NOT NULL,
        "triage_reasons" jsonb NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "incident_partner_opened" ON "triage"."incident" ("partner_id", "opened_at" DESC)`);
    await queryRunner.query(`CREATE INDEX "incident_opened" ON "triage"."incident" ("opened_at" DESC)`);
    await queryRunner.query(`
      CREATE TABLE "triage"."call" (
        "call_key" text PRIMARY KEY,
        "source" text NOT NULL,
        "received_at" timestamptz NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        "summary" text NOT NULL,
        "incident_id" uuid NOT NULL REFERENCES "triage"."incident" ("id"),
        "raw" jsonb NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "triage"."timeline_entry" (
        "id" bigserial PRIMARY KEY,
        "incident_id" uuid NOT NULL REFERENCES "triage"."incident" ("id"),
        "at" timestamptz NOT NULL,
        "kind" text NOT NULL,
        "actor" text NOT NULL,
        "detail" jsonb NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "timeline_entry_incident" ON "triage"."timeline_entry" ("incident_id", "at")`);
    for (const sql of outboxTableSql('triage')) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "triage"."outbox", "triage"."timeline_entry", "triage"."call", "triage"."incident"`);
    await queryRunner.query(`DROP SEQUENCE "triage"."incident_reference_seq"`);
  }
}
