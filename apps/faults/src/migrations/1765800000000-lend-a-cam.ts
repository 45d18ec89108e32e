import { MigrationInterface, QueryRunner } from 'typeorm';

/** Lend-A-Cam: deployments of redeployable cameras to customers, their equipment checks, and the owners' waiting lists. */
export class LendACam1765800000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "faults"."loan_reference_seq"`);
    await queryRunner.query(`
      CREATE TABLE "faults"."loan_waiting_entry" (
        "id" uuid PRIMARY KEY,
        "seq" bigserial NOT NULL,
        "partner_id" text,
        "client_name" text,
        "customer_reference" text NOT NULL,
        "customer_name" text NOT NULL,
        "address" text NOT NULL,
        "need" text NOT NULL,
        "status" text NOT NULL,
        "added_at" timestamptz NOT NULL,
        "added_by" text NOT NULL,
        "prioritised_at" timestamptz,
        "prioritised_by" text,
        "priority_reason" text,
        "last_contacted_at" timestamptz,
        "last_contacted_by" text,
        "last_contact_note" text,
        "taken_at" timestamptz,
        "deployment_id" uuid,
        "version" integer NOT NULL CHECK ("version" >= 1),
        "updated_at" timestamptz NOT NULL,
        CONSTRAINT "loan_waiting_entry_one_owner" CHECK (("partner_id" IS NULL) <> ("client_name" IS NULL))
      )`);
    // A customer waits once on an owner's list.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "loan_waiting_entry_once" ON "faults"."loan_waiting_entry" (coalesce("partner_id", ''), coalesce("client_name", ''), "customer_reference") WHERE "status" = 'waiting'`,
    );
    await queryRunner.query(`
      CREATE TABLE "faults"."loan_deployment" (
        "id" uuid PRIMARY KEY,
        "reference" text NOT NULL UNIQUE,
        "camera_id" text NOT NULL REFERENCES "faults"."camera" ("camera_id"),
        "partner_id" text,
        "client_name" text,
        "customer_reference" text NOT NULL,
        "customer_name" text NOT NULL,
        "address" text NOT NULL,
        "need" text NOT NULL,
        "waiting_entry_id" uuid REFERENCES "faults"."loan_waiting_entry" ("id"),
        "status" text NOT NULL,
        "requested_at" timestamptz NOT NULL,
        "requested_by" text NOT NULL,
        "pia_approved_by" text,
        "pia_approved_at" timestamptz,
        "pia_document_reference" text,
        "pia_recorded_by" text,
        "installed_at" timestamptz,
        "installed_by" text,
        "review_due_at" timestamptz,
        "review_count" integer NOT NULL DEFAULT 0,
        "last_reviewed_at" timestamptz,
        "last_reviewed_by" text,
        "last_review_notes" text,
        "closed_at" timestamptz,
        "closed_by" text,
        "close_reason" text,
        "emergency_removal" boolean NOT NULL DEFAULT false,
        "version" integer NOT NULL CHECK ("version" >= 1),
        "updated_at" timestamptz NOT NULL,
        CONSTRAINT "loan_deployment_one_owner" CHECK (("partner_id" IS NULL) <> ("client_name" IS NULL)),
        CONSTRAINT "loan_deployment_installed_with_pia" CHECK ("installed_at" IS NULL OR "pia_approved_at" IS NOT NULL)
      )`);
    // One deployment at a time per camera, whatever two requests racing each other do.
    await queryRunner.query(`CREATE UNIQUE INDEX "loan_deployment_one_per_camera" ON "faults"."loan_deployment" ("camera_id") WHERE "status" NOT IN ('removed', 'cancelled')`);
    await queryRunner.query(`CREATE INDEX "loan_deployment_partner" ON "faults"."loan_deployment" ("partner_id", "requested_at" DESC)`);
    await queryRunner.query(`
      CREATE TABLE "faults"."loan_equipment_check" (
        "id" bigserial PRIMARY KEY,
        "deployment_id" uuid NOT NULL REFERENCES "faults"."loan_deployment" ("id"),
        "camera_id" text NOT NULL REFERENCES "faults"."camera" ("camera_id"),
        "checked_by" text NOT NULL,
        "checked_at" timestamptz NOT NULL,
        "passed" boolean NOT NULL,
        "notes" text,
        "recorded_by" text NOT NULL,
        "recorded_at" timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "loan_equipment_check_deployment" ON "faults"."loan_equipment_check" ("deployment_id", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "faults"."loan_equipment_check", "faults"."loan_deployment", "faults"."loan_waiting_entry"`);
    await queryRunner.query(`DROP SEQUENCE "faults"."loan_reference_seq"`);
  }
}
