import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { SqlWrite, writeTogether } from './write-together';

/**
 * Inserts many entities in one statement with one parameter, their rows as JSON, in their order
 * (a bigserial id follows it). TypeORM's own multi-row insert binds a parameter per value and
 * spends time quadratic in their number building the statement: a batch of a hundred incidents has
 * thousands. Columns come from the entity's TypeORM metadata and types from the table's own row type, so
 * the entity stays the one description of its table; generated columns are left to the database.
 */
export async function insertEntities<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: readonly T[]): Promise<void> {
  await writeTogether(manager, [insertEntitiesWrite(manager, target, rows)]);
}

/** {@link insertEntities} as a write to run with others in one statement; null when there is nothing to insert. */
export function insertEntitiesWrite<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: readonly T[]): SqlWrite | null {
  if (rows.length === 0) return null;
  const metadata = manager.connection.getMetadata(target);
  const columns = metadata.columns.filter((column) => !column.isGenerated);
  const names = columns.map((column) => `"${column.databaseName}"`).join(', ');
  const table = metadata.schema ? `"${metadata.schema}"."${metadata.tableName}"` : `"${metadata.tableName}"`;
  const json = rows.map((row) => Object.fromEntries(columns.map((column) => [column.databaseName, column.getEntityValue(row) ?? null])));
  return {
    sql: `INSERT INTO ${table} (${names})
     SELECT ${columns.map((column) => `(x.r)."${column.databaseName}"`).join(', ')}
     FROM (SELECT jsonb_populate_record(NULL::${table}, e.value) AS r, e.n FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(value, n)) x
     ORDER BY x.n`,
    params: [JSON.stringify(json)],
  };
}
