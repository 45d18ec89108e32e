import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where each call was, so that correlation can find the open incidents about the same place. */
export class CallPlaces1765065600000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "triage"."call" ADD COLUMN "place_keys" text[] NOT NULL DEFAULT '{}', ADD COLUMN "lat" double precision, ADD COLUMN "lon" double precision`);
    await queryRunner.query(`CREATE INDEX "call_place_keys" ON "triage"."call" USING gin ("place_keys")`);
    await queryRunner.query(`CREATE INDEX "call_point" ON "triage"."call" ("lat", "lon") WHERE "lat" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "triage"."call_point"`);
    await queryRunner.query(`DROP INDEX "triage"."call_place_keys"`);
    await queryRunner.query(`ALTER TABLE "triage"."call" DROP COLUMN "place_keys", DROP COLUMN "lat", DROP COLUMN "lon"`);
  }
}
