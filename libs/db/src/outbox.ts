import { EntityManager } from 'typeorm';
import { Envelope } from '@vigil/contracts';

/** The DDL of an app's outbox table; each app's first migration creates one in its schema. */
export function outboxTableSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}"."outbox" (
      "id" bigserial PRIMARY KEY,
      "event_id" text NOT NULL UNIQUE,
      "subject" text NOT NULL,
      "envelope" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "published_at" timestamptz
    )`,
    `CREATE INDEX "outbox_unpublished" ON "${schema}"."outbox" ("id") WHERE "published_at" IS NULL`,
  ];
}

/**
 * Records an event in the same transaction as the state change it announces, so the two are
 * never separated: the relay publishes it after commit, and a crash only delays it.
 */
export async function appendToOutbox(
  manager: EntityManager,
  schema: string,
  subject: string,
  envelope: Envelope,
): Promise<void> {
  await manager.query(
    `INSERT INTO "${schema}"."outbox" ("event_id", "subject", "envelope") VALUES ($1, $2, $3) ON CONFLICT ("event_id") DO NOTHING`,
    [envelope.id, subject, JSON.stringify(envelope)],
  );
}
