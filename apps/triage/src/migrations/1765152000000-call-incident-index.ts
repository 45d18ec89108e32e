import { MigrationInterface, QueryRunner } from 'typeorm';

/** Calls by incident: correlation, the incident pane's calls, merge and split all look them up that way. */
export class CallIncidentIndex1765152000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "call_incident" ON "triage"."call" ("incident_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "triage"."call_incident"`);
  }
}
