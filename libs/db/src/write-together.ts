import { EntityManager } from 'typeorm';

/** A data-modifying statement (INSERT, UPDATE) with its parameters, numbered from $1. */
export interface SqlWrite {
  sql: string;
  params: unknown[];
}

/**
 * Runs several writes as one statement, one round trip, each a data-modifying CTE. Postgres runs
 * each exactly once and all with one snapshot, so none may depend on rows another writes, except
 * through constraints: foreign keys are checked at the end of the statement, when all are in.
 */
export async function writeTogether(manager: EntityManager, writes: readonly (SqlWrite | null)[]): Promise<void> {
  const present = writes.filter((write): write is SqlWrite => write !== null);
  if (present.length === 0) return;
  if (present.length === 1) {
    await manager.query(present[0].sql, present[0].params);
    return;
  }
  const params: unknown[] = [];
  const parts = present.map((write, i) => {
    const offset = params.length;
    params.push(...write.params);
    return `w${i} AS (${write.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)})`;
  });
  await manager.query(`WITH ${parts.join(',\n')} SELECT 1`, params);
}
