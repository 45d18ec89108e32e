import { EntityManager } from 'typeorm';
import { TRIAGE_SCHEMA } from '../triage.schema';

/** The next incident reference (VIG-2026-000123), from the sequence every new incident draws on. */
export async function nextIncidentReference(manager: EntityManager, now: Date): Promise<string> {
  const [{ seq }] = await manager.query(`SELECT nextval('"${TRIAGE_SCHEMA}"."incident_reference_seq"') AS seq`);
  return `VIG-${now.getUTCFullYear()}-${String(seq).padStart(6, '0')}`;
}
