import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit of dead letters an operator sent back onto the bus once their cause was fixed. */
export class DeadLetterReplays1764633600301 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ingest"."dead_letter_replay" (
        "id" bigserial PRIMARY KEY,
        "dead_letter_id" text NOT NULL REFERENCES "ingest"."dead_letter" ("id"),
        "replayed_by" text NOT NULL,
        "replayed_by_role" text NOT NULL,
        "replayed_at" timestamptz NOT NULL DEFAULT now(),
        "subject" text NOT NULL,
        "message_id" text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "dead_letter_replay_letter" ON "ingest"."dead_letter_replay" ("dead_letter_id", "replayed_at" DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ingest"."dead_letter_replay"`);
  }
}
