/** The DDL of a liveness table for {@link PostgresLivenessStore}; an app's migration creates one in its schema. */
export function livenessTableSql(schema: string, table: string): string[] {
  return [
    `CREATE TABLE "${schema}"."${table}" (
      "source_kind" text NOT NULL,
      "source_id" text NOT NULL,
      "partner_id" text,
      "state" text NOT NULL,
      "last_seen" timestamptz,
      "expected_interval_seconds" integer,
      "changed_at" timestamptz NOT NULL,
      "reason" text NOT NULL,
      "version" integer NOT NULL DEFAULT 1,
      PRIMARY KEY ("source_kind", "source_id")
    )`,
  ];
}
