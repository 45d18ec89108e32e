import { EntityManager } from 'typeorm';
import { TRIAGE_SCHEMA } from '../triage.schema';

/** The next incident reference (VIG-2026-000123), from the sequence every new incident draws on. */
export async function nextIncidentReference(manager: EntityManager, now: Date): Promise<string> {
  const [reference] = await nextIncidentReferences(manager, 1, now);
  return reference;
}

/** The next `count` references in one round trip, in ascending order, for a batch that opens several incidents. */
export async function nextIncidentReferences(manager: EntityManager, count: number, now: Date): Promise<string[]> {
  const rows: { seq: string }[] = await manager.query(`SELECT nextval('"${TRIAGE_SCHEMA}"."incident_reference_seq"') AS seq FROM generate_series(1, $1)`, [count]);
  return rows
    .map((row) => BigInt(row.seq))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((seq) => `VIG-${now.getUTCFullYear()}-${String(seq).padStart(6, '0')}`);
}
