import { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes for the fault figures: tickets by report time across owners, and the breaches on the timeline by time. */
export class FaultFiguresIndexes1765700000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    // Quarters and response times read every owner's tickets of a period (ticket_partner_reported leads with the partner).
    await queryRunner.query(`CREATE INDEX "ticket_reported" ON "faults"."ticket" ("reported_at")`);
    // Breaches per month count two kinds of entry among a year of every ticket's timeline.
    await queryRunner.query(`CREATE INDEX "ticket_timeline_breaches" ON "faults"."ticket_timeline" ("at") WHERE "kind" IN ('response-breached', 'fix-breached')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "faults"."ticket_timeline_breaches", "faults"."ticket_reported"`);
  }
}
