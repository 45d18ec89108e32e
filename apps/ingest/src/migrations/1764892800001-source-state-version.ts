import { MigrationInterface, QueryRunner } from 'typeorm';

/** A version per source state, so replicas change a state by compare-and-set and name each transition. */
export class SourceStateVersion1764892800001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ingest"."source_state" ADD COLUMN "version" integer NOT NULL DEFAULT 1`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ingest"."source_state" DROP COLUMN "version"`);
  }
}
