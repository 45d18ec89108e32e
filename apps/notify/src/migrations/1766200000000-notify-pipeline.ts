import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What notify must not forget across a restart or between replicas (Alertmanager keeps it in
 * memory and a snapshot file): each alert's newest state, the groups waiting to go out, the
 * notification log that de-duplicates, every delivery and its attempts, escalations with their
 * next step, and who acknowledged what.
 */
export class NotifyPipeline1766200000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "notify"."alert" (
        "fingerprint" text PRIMARY KEY,
        "kind" text NOT NULL,
        "status" text NOT NULL,
        -- bigint: a supervised source's version is its producer's clock in milliseconds.
        "version" bigint NOT NULL,
        "alert" jsonb NOT NULL,
        "updated_at" timestamptz NOT NULL
      )`);
    // Inhibition reads the firing alerts of one kind (site outages); nothing else scans alerts.
    await queryRunner.query(`CREATE INDEX "alert_firing_kind" ON "notify"."alert" ("kind") WHERE "status" = 'firing'`);
    await queryRunner.query(`
      CREATE TABLE "notify"."alert_group" (
        "group_key" text PRIMARY KEY,
        "route" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL,
        "last_flush_at" timestamptz,
        "flush_at" timestamptz NOT NULL
      )`);
    // The due-work poller's read, once a second on every replica.
    await queryRunner.query(`CREATE INDEX "alert_group_flush_at" ON "notify"."alert_group" ("flush_at")`);
    await queryRunner.query(`
      CREATE TABLE "notify"."group_member" (
        "group_key" text NOT NULL REFERENCES "notify"."alert_group" ON DELETE CASCADE,
        "fingerprint" text NOT NULL REFERENCES "notify"."alert",
        PRIMARY KEY ("group_key", "fingerprint")
      )`);
    await queryRunner.query(`CREATE INDEX "group_member_fingerprint" ON "notify"."group_member" ("fingerprint")`);
    await queryRunner.query(`
      CREATE TABLE "notify"."notification_log" (
        "group_key" text NOT NULL,
        "channel" text NOT NULL,
        "firing" jsonb NOT NULL,
        "resolved" jsonb NOT NULL,
        "sent_at" timestamptz NOT NULL,
        PRIMARY KEY ("group_key", "channel")
      )`);
    await queryRunner.query(`
      CREATE TABLE "notify"."delivery" (
        "id" uuid PRIMARY KEY,
        "group_key" text NOT NULL,
        "fingerprints" text[] NOT NULL,
        "receiver" text NOT NULL,
        "channel" text NOT NULL,
        "channel_type" text NOT NULL,
        "reason" text NOT NULL,
        "planned" jsonb NOT NULL,
        "state" text NOT NULL CHECK ("state" IN ('pending', 'sending', 'retrying', 'delivered', 'dead-letter')),
        "attempts" integer NOT NULL DEFAULT 0,
        "planned_at" timestamptz NOT NULL,
        "first_attempt_at" timestamptz,
        "next_attempt_at" timestamptz,
        "claimed_until" timestamptz,
        "delivered_at" timestamptz,
        "last_error" text
      )`);
    await queryRunner.query(`CREATE INDEX "delivery_fingerprints" ON "notify"."delivery" USING gin ("fingerprints")`);
    await queryRunner.query(`CREATE INDEX "delivery_planned_at" ON "notify"."delivery" ("planned_at" DESC)`);
    // Unfinished deliveries only: the due-work poller's read stays small however long the log grows.
    await queryRunner.query(`CREATE INDEX "delivery_unfinished" ON "notify"."delivery" ("planned_at") WHERE "state" IN ('pending', 'sending', 'retrying')`);
    await queryRunner.query(`
      CREATE TABLE "notify"."delivery_attempt" (
        "delivery_id" uuid NOT NULL REFERENCES "notify"."delivery" ON DELETE CASCADE,
        "attempt" integer NOT NULL,
        "started_at" timestamptz NOT NULL,
        "duration_ms" integer NOT NULL,
        "ok" boolean NOT NULL,
        "status" integer,
        "error" text,
        "decision" text NOT NULL,
        PRIMARY KEY ("delivery_id", "attempt")
      )`);
    await queryRunner.query(`
      CREATE TABLE "notify"."escalation" (
        "fingerprint" text PRIMARY KEY REFERENCES "notify"."alert",
        "state" jsonb NOT NULL,
        "wake_at" timestamptz,
        "updated_at" timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "notify"."acknowledgement" (
        "id" bigserial PRIMARY KEY,
        "fingerprint" text NOT NULL REFERENCES "notify"."alert",
        "acknowledged_by" text NOT NULL,
        "acknowledged_at" timestamptz NOT NULL,
        "via" text NOT NULL CHECK ("via" IN ('console', 'link')),
        "outcome" text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "acknowledgement_fingerprint" ON "notify"."acknowledgement" ("fingerprint")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['acknowledgement', 'escalation', 'delivery_attempt', 'delivery', 'notification_log', 'group_member', 'alert_group', 'alert']) {
      await queryRunner.query(`DROP TABLE "notify"."${table}"`);
    }
  }
}
