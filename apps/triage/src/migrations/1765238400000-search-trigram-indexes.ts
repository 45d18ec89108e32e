import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trigram indexes for the incident list's text search (`q`: reference, summary and note text, each
 * matched with ILIKE '%…%', which a b-tree cannot serve).
 *
 * pg_trgm is a trusted extension (Postgres 13+), so triage's own role may create it. Extensions are
 * per database while the migration lock is per schema, so a database-wide transaction lock keeps two
 * schemas' migrations from racing on CREATE EXTENSION. The operator class is named in whichever
 * schema the extension lives, which need not be on triage's search_path.
 *
 * A plain CREATE INDEX holds writes to the table while it builds (seconds at a control room's size);
 * CONCURRENTLY cannot run in a migration's transaction and would wait on replicas queued for the
 * migration lock. A large installation can build the same names CONCURRENTLY beforehand:
 * IF NOT EXISTS then keeps them.
 */
export class SearchTrigramIndexes1765238400000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtextextended('vigil:create-extension:pg_trgm', 0))`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    const [{ schema }] = (await queryRunner.query(
      `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`,
    )) as { schema: string }[];
    const trigrams = `"${schema}".gin_trgm_ops`;
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "incident_reference_trgm" ON "triage"."incident" USING gin ("reference" ${trigrams})`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "incident_summary_trgm" ON "triage"."incident" USING gin ("summary" ${trigrams})`);
    // Only notes are searched: the partial index's predicate is the query's own `kind = 'noted'`.
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "timeline_note_text_trgm" ON "triage"."timeline_entry" USING gin (("detail"->>'text') ${trigrams}) WHERE "kind" = 'noted'`,
    );
  }

  // The extension stays: it may have been there before, and other schemas may use it.
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "triage"."timeline_note_text_trgm"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "triage"."incident_summary_trgm"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "triage"."incident_reference_trgm"`);
  }
}
