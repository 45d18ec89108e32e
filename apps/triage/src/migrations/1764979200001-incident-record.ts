import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The incident record operators work on: placement (partner, client or unplaced), assignment,
 * police reference, cameras, THRIVE, monitoring, outcome, call count and target time; a reason and
 * version on every timeline entry; why correlation put each call where it is.
 */
export class IncidentRecord1764979200001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "triage"."incident"
        ADD COLUMN "placement" text NOT NULL DEFAULT 'unplaced' CHECK ("placement" IN ('partner', 'client', 'unplaced')),
        ADD COLUMN "client_name" text,
        ADD COLUMN "assignee" text,
        ADD COLUMN "police_reference" text,
        ADD COLUMN "cameras" jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN "thrive" jsonb,
        ADD COLUMN "monitoring" jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN "outcome" jsonb,
        ADD COLUMN "call_count" integer NOT NULL DEFAULT 1,
        ADD COLUMN "last_call_at" timestamptz,
        ADD COLUMN "respond_by" timestamptz,
        ADD COLUMN "closed_at" timestamptz,
        ADD COLUMN "merged_into" uuid REFERENCES "triage"."incident" ("id"),
        ADD COLUMN "updated_at" timestamptz`);
    await queryRunner.query(`UPDATE "triage"."incident" SET "placement" = 'partner' WHERE "partner_id" IS NOT NULL`);
    await queryRunner.query(`UPDATE "triage"."incident" SET "last_call_at" = "received_at", "updated_at" = "opened_at"`);
    await queryRunner.query(`ALTER TABLE "triage"."incident" ALTER COLUMN "last_call_at" SET NOT NULL, ALTER COLUMN "updated_at" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "incident_board" ON "triage"."incident" ("grade", "received_at") WHERE "status" <> 'closed'`);
    await queryRunner.query(`ALTER TABLE "triage"."timeline_entry" ADD COLUMN "reason" text, ADD COLUMN "version" integer`);
    await queryRunner.query(`ALTER TABLE "triage"."call" ADD COLUMN "correlation_reason" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "triage"."call" DROP COLUMN "correlation_reason"`);
    await queryRunner.query(`ALTER TABLE "triage"."timeline_entry" DROP COLUMN "reason", DROP COLUMN "version"`);
    await queryRunner.query(`DROP INDEX "triage"."incident_board"`);
    await queryRunner.query(`
      ALTER TABLE "triage"."incident"
        DROP COLUMN "placement", DROP COLUMN "client_name", DROP COLUMN "assignee", DROP COLUMN "police_reference",
        DROP COLUMN "cameras", DROP COLUMN "thrive", DROP COLUMN "monitoring", DROP COLUMN "outcome", DROP COLUMN "call_count",
        DROP COLUMN "last_call_at", DROP COLUMN "respond_by", DROP COLUMN "closed_at", DROP COLUMN "merged_into", DROP COLUMN "updated_at"`);
  }
}
