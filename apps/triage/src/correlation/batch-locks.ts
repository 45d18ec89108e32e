import { EntityManager } from 'typeorm';

/**
 * Takes every named transaction lock a batch needs, once, in one order (by the lock's own id,
 * the hash, so that two names that collide still sort as one lock). A batch holds its locks
 * until it commits; if each call took its own as it went, two replicas with the same calls in
 * another order would deadlock. Taken in this order by every replica, no cycle can form.
 */
export async function lockAllInOrder(manager: EntityManager, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await manager.query(
    `SELECT count(pg_advisory_xact_lock(ordered.id)) FROM (SELECT DISTINCT hashtextextended(name, 0) AS id FROM unnest($1::text[]) AS name ORDER BY id) AS ordered`,
    [names],
  );
}
