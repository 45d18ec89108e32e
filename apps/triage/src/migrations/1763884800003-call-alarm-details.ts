import { MigrationInterface, QueryRunner } from 'typeorm';

/** Alarm details on calls, so a restore can find its alarm; a call may stand without an incident (an unpaired restore). */
export class CallAlarmDetails1763884800003 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "triage"."call" ADD COLUMN "alarm" jsonb`);
    await queryRunner.query(`ALTER TABLE "triage"."call" ALTER COLUMN "incident_id" DROP NOT NULL`);
    await queryRunner.query(`CREATE INDEX "call_alarm_account" ON "triage"."call" (("alarm"->>'account')) WHERE "alarm" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "triage"."call_alarm_account"`);
    await queryRunner.query(`ALTER TABLE "triage"."call" DROP COLUMN "alarm"`);
  }
}
