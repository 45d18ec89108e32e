import { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxOrderingSql, outboxTableSql } from '@vigil/db';

/** The camera register, fault tickets with their SLA clocks and timeline, planned maintenance, and the outbox. */
export class CreateFaults1765411200000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "faults"."site" (
        "id" text PRIMARY KEY,
        "partner_id" text,
        "client_name" text,
        "town" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "site_one_owner" CHECK (("partner_id" IS NULL) <> ("client_name" IS NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE "faults"."camera" (
        "camera_id" text PRIMARY KEY,
        "number" text NOT NULL,
        "location" text NOT NULL,
        "partner_id" text,
        "client_name" text,
        "town" text NOT NULL,
        "site_id" text NOT NULL REFERENCES "faults"."site" ("id"),
        "network_segment" text,
        "lat" double precision NOT NULL,
        "lon" double precision NOT NULL,
        "type" text NOT NULL,
        "monitoring" text NOT NULL,
        "retention_days" smallint NOT NULL,
        "status" text NOT NULL,
        "withdrawn" boolean NOT NULL DEFAULT false,
        "decommissioned" boolean NOT NULL DEFAULT false,
        "version" integer NOT NULL CHECK ("version" >= 1),
        "created_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL,
        CONSTRAINT "camera_one_owner" CHECK (("partner_id" IS NULL) <> ("client_name" IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX "camera_partner" ON "faults"."camera" ("partner_id", "camera_id")`);
    await queryRunner.query(`CREATE INDEX "camera_site" ON "faults"."camera" ("site_id")`);
    await queryRunner.query(`CREATE INDEX "camera_network_segment" ON "faults"."camera" ("network_segment") WHERE "network_segment" IS NOT NULL`);
    await queryRunner.query(`CREATE SEQUENCE "faults"."ticket_reference_seq"`);
    await queryRunner.query(`
      CREATE TABLE "faults"."ticket" (
        "id" uuid PRIMARY KEY,
        "reference" text NOT NULL UNIQUE,
        "partner_id" text,
        "client_name" text,
        "town" text,
        "scope" text NOT NULL,
        "site_id" text,
        "symptom" text NOT NULL,
        "severity" text NOT NULL,
        "severity_reason" text NOT NULL,
        "origin" text NOT NULL,
        "description" text,
        "status" text NOT NULL,
        "reported_by" text NOT NULL,
        "reported_at" timestamptz NOT NULL,
        "client_reference" text,
        "contract" text NOT NULL,
        "response_started_at" timestamptz NOT NULL,
        "response_duration_ms" bigint NOT NULL,
        "response_due_at" timestamptz NOT NULL,
        "response_warn_at" timestamptz NOT NULL,
        "response_met_at" timestamptz,
        "response_warned" boolean NOT NULL DEFAULT false,
        "response_breached" boolean NOT NULL DEFAULT false,
        "fix_started_at" timestamptz NOT NULL,
        "fix_duration_ms" bigint NOT NULL,
        "fix_due_at" timestamptz NOT NULL,
        "fix_warn_at" timestamptz NOT NULL,
        "fix_met_at" timestamptz,
        "fix_warned" boolean NOT NULL DEFAULT false,
        "fix_breached" boolean NOT NULL DEFAULT false,
        "engineer_report" jsonb,
        "verified_at" timestamptz,
        "reopen_count" integer NOT NULL DEFAULT 0,
        "version" integer NOT NULL CHECK ("version" >= 1),
        "updated_at" timestamptz NOT NULL,
        CONSTRAINT "ticket_one_owner" CHECK (("partner_id" IS NULL) <> ("client_name" IS NULL)),
        CONSTRAINT "ticket_client_reference" UNIQUE ("reported_by", "client_reference")
      )`);
    // The contractor's board: tickets not verified, soonest deadline first.
    await queryRunner.query(`CREATE INDEX "ticket_open_by_fix_due" ON "faults"."ticket" ("fix_due_at") WHERE "status" <> 'verified'`);
    await queryRunner.query(`CREATE INDEX "ticket_partner_reported" ON "faults"."ticket" ("partner_id", "reported_at" DESC)`);
    // One row per camera a ticket covers: a site outage's children are faults of one ticket.
    await queryRunner.query(`
      CREATE TABLE "faults"."fault" (
        "id" uuid PRIMARY KEY,
        "ticket_id" uuid NOT NULL REFERENCES "faults"."ticket" ("id"),
        "camera_id" text NOT NULL REFERENCES "faults"."camera" ("camera_id"),
        "symptom" text NOT NULL,
        "origin" text NOT NULL,
        "opened_at" timestamptz NOT NULL,
        "closed_at" timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX "fault_ticket" ON "faults"."fault" ("ticket_id")`);
    await queryRunner.query(`CREATE INDEX "fault_camera_opened" ON "faults"."fault" ("camera_id", "opened_at" DESC)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "fault_one_open_per_camera_and_ticket" ON "faults"."fault" ("camera_id", "ticket_id") WHERE "closed_at" IS NULL`);
    await queryRunner.query(`
      CREATE TABLE "faults"."ticket_timeline" (
        "id" bigserial PRIMARY KEY,
        "ticket_id" uuid NOT NULL REFERENCES "faults"."ticket" ("id"),
        "at" timestamptz NOT NULL,
        "kind" text NOT NULL,
        "actor" text NOT NULL,
        "reason" text,
        "version" integer,
        "detail" jsonb NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "ticket_timeline_ticket" ON "faults"."ticket_timeline" ("ticket_id", "at")`);
    await queryRunner.query(`
      CREATE TABLE "faults"."maintenance_window" (
        "id" uuid PRIMARY KEY,
        "scope" text NOT NULL,
        "target" text NOT NULL,
        "starts_at" timestamptz NOT NULL,
        "ends_at" timestamptz NOT NULL,
        "reason" text NOT NULL,
        "created_by" text NOT NULL,
        "created_at" timestamptz NOT NULL,
        "cancelled_at" timestamptz,
        "cancelled_by" text,
        "cancel_reason" text,
        "version" integer NOT NULL CHECK ("version" >= 1),
        CONSTRAINT "maintenance_window_ends_after_start" CHECK ("ends_at" > "starts_at")
      )`);
    await queryRunner.query(`CREATE INDEX "maintenance_window_target" ON "faults"."maintenance_window" ("scope", "target", "ends_at") WHERE "cancelled_at" IS NULL`);
    for (const sql of outboxTableSql('faults')) await queryRunner.query(sql);
    for (const sql of outboxOrderingSql('faults')) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TABLE "faults"."outbox", "faults"."maintenance_window", "faults"."ticket_timeline", "faults"."fault", "faults"."ticket", "faults"."camera", "faults"."site"`,
    );
    await queryRunner.query(`DROP SEQUENCE "faults"."ticket_reference_seq"`);
  }
}
