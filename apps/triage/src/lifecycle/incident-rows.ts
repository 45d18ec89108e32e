import { EntityManager, In } from 'typeorm';
import { isUuid } from '@vigil/db';
import { IncidentEntity } from '../incidents/incident.entity';

/** Whether a route's id can be an incident id at all (anything else is simply not found, never a database error). */
export function isIncidentId(id: string): boolean {
  return isUuid(id);
}

/**
 * Locks incidents for the rest of the transaction, always in id order so two merges of the same
 * pair in opposite directions queue instead of deadlocking. Missing ids are left out.
 */
export async function lockIncidents(manager: EntityManager, ids: readonly string[]): Promise<Map<string, IncidentEntity>> {
  const wanted = [...new Set(ids)].filter(isIncidentId).sort();
  if (wanted.length === 0) return new Map();
  const rows = await manager
    .getRepository(IncidentEntity)
    .createQueryBuilder('i')
    .where({ id: In(wanted) })
    .orderBy('i.id')
    .setLock('pessimistic_write')
    .getMany();
  return new Map(rows.map((row) => [row.id, row]));
}
