import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where an alarm restore stands: waiting for its alarm (stored at once, visible), attached to its incident, or recorded alone. */
export class RestoreStatus1763884800004 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "triage"."call" ADD COLUMN "restore_status" text`);
    await queryRunner.query(
      `UPDATE "triage"."call" SET "restore_status" = CASE WHEN "incident_id" IS NULL THEN 'alone' ELSE 'attached' END WHERE "alarm"->>'qualifier' = 'restore'`,
    );
    await queryRunner.query(`CREATE INDEX "call_restore_waiting" ON "triage"."call" (("alarm"->>'account')) WHERE "restore_status" = 'waiting'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "triage"."call_restore_waiting"`);
    await queryRunner.query(`ALTER TABLE "triage"."call" DROP COLUMN "restore_status"`);
  }
}
