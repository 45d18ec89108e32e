import { EntityManager } from 'typeorm';
import { FAULTS_SCHEMA } from '../faults.schema';

/** The next ticket reference (FLT-2026-000123), from the sequence every new ticket draws on. */
export async function nextTicketReference(manager: EntityManager, now: Date): Promise<string> {
  const [row]: { seq: string }[] = await manager.query(`SELECT nextval('"${FAULTS_SCHEMA}"."ticket_reference_seq"') AS seq`);
  return `FLT-${now.getUTCFullYear()}-${String(row.seq).padStart(6, '0')}`;
}
