import { MigrationInterface, QueryRunner } from 'typeorm';

/** The dead-letter table. */
export class CreateIngest1763884800001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ingest"."dead_letter" (
        "id" text PRIMARY KEY,
        "rejected_by" text NOT NULL,
        "origin" text NOT NULL,
        "reason" text NOT NULL,
        "raw" bytea NOT NULL,
        "received_at" timestamptz NOT NULL,
        "delivery_attempts" integer NOT NULL,
        "recorded_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "dead_letter_recorded" ON "ingest"."dead_letter" ("recorded_at" DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ingest"."dead_letter"`);
  }
}
