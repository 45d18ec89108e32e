import { EntityManager } from 'typeorm';
import { Envelope } from '@vigil/contracts';
import { SqlWrite, writeTogether } from './write-together';

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
 * The DDL that lets the relay keep each aggregate's events in version order and claim rows
 * without holding a transaction: a later migration of each app with an outbox runs it.
 */
export function outboxOrderingSql(schema: string): string[] {
  return [
    `ALTER TABLE "${schema}"."outbox"
      ADD COLUMN "aggregate_id" text,
      ADD COLUMN "aggregate_version" integer,
      ADD COLUMN "claimed_by" text,
      ADD COLUMN "claimed_until" timestamptz,
      ADD COLUMN "claimed_backend" integer,
      ADD CONSTRAINT "outbox_aggregate_version" CHECK (("aggregate_id" IS NULL) = ("aggregate_version" IS NULL)),
      ADD CONSTRAINT "outbox_one_event_per_version" UNIQUE ("aggregate_id", "aggregate_version")`,
    `CREATE INDEX "outbox_unpublished_aggregate" ON "${schema}"."outbox" ("aggregate_id", "aggregate_version") WHERE "published_at" IS NULL`,
  ];
}

/** The aggregate an event is about and the version the change gave it (1 for the first). */
export interface OutboxAggregate {
  /** Unique across the app's aggregates: `incident:<uuid>`. */
  id: string;
  version: number;
}

/** One event for {@link appendAllToOutbox}. */
export interface OutboxEntry {
  subject: string;
  envelope: Envelope;
  aggregate?: OutboxAggregate;
}

/**
 * Records an event in the same transaction as the state change it announces, so the two are
 * never separated: the relay publishes it after commit, and a crash only delays it. With an
 * aggregate, the relay publishes the aggregate's events one version after the other.
 */
export async function appendToOutbox(
  manager: EntityManager,
  schema: string,
  subject: string,
  envelope: Envelope,
  aggregate?: OutboxAggregate,
): Promise<void> {
  await appendAllToOutbox(manager, schema, [{ subject, envelope, aggregate }]);
}

/** {@link appendToOutbox} for many events in one statement, in their order: a batch's events cost one round trip. */
export async function appendAllToOutbox(manager: EntityManager, schema: string, entries: readonly OutboxEntry[]): Promise<void> {
  await writeTogether(manager, [outboxWrite(schema, entries)]);
}

/** {@link appendAllToOutbox} as a write to run with others in one statement; null when there is nothing to append. */
export function outboxWrite(schema: string, entries: readonly OutboxEntry[]): SqlWrite | null {
  if (entries.length === 0) return null;
  return {
    sql: `INSERT INTO "${schema}"."outbox" ("event_id", "subject", "envelope", "aggregate_id", "aggregate_version")
     SELECT event_id, subject, envelope, aggregate_id, aggregate_version FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[], $5::integer[]) WITH ORDINALITY AS e(event_id, subject, envelope, aggregate_id, aggregate_version, n)
     ORDER BY n
     ON CONFLICT ("event_id") DO NOTHING`,
    params: [
      entries.map((entry) => entry.envelope.id),
      entries.map((entry) => entry.subject),
      entries.map((entry) => JSON.stringify(entry.envelope)),
      entries.map((entry) => entry.aggregate?.id ?? null),
      entries.map((entry) => entry.aggregate?.version ?? null),
    ],
  };
}
