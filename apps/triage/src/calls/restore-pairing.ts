import { EntityManager } from 'typeorm';
import { AlarmDetails } from '@vigil/contracts';
import { OpenAlarmIncident } from '../domain/pair-restore';
import { WaitingRestore } from '../domain/plan-call-batch';
import { TimelineEntryEntity } from '../incidents/timeline-entry.entity';
import { TRIAGE_SCHEMA } from '../triage.schema';

/** The timer kind of a restore waiting for its alarm; its key is the restore's call key. */
export const RESTORE_WAIT = 'restore-wait';

/** What the restore-wait timer carries. */
export interface RestoreWaitPayload {
  callKey: string;
}


/**
 * Takes the alarm account's transaction lock: an alarm and its restore arriving together on two
 * consumers would otherwise each miss the other's uncommitted row, and the restore would wait out
 * its timer. With it the second one waits for the first to commit, then sees it.
 */
export async function lockAlarmAccount(manager: EntityManager, account: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [alarmAccountLockName(account)]);
}

/** The name of an alarm account's lock, for a batch that takes all its locks at once. */
export function alarmAccountLockName(account: string): string {
  return `vigil:triage:alarm-account:${account}`;
}

/** Open incidents an alarm of each account opened or joined, newest first, as restore pairing needs them. */
export async function openAlarmIncidents(manager: EntityManager, accounts: readonly string[]): Promise<Map<string, OpenAlarmIncident[]>> {
  const rows: { incident_id: string; alarm: AlarmDetails }[] = await manager.query(
    `SELECT c.incident_id, c.alarm FROM "${TRIAGE_SCHEMA}"."call" c JOIN "${TRIAGE_SCHEMA}"."incident" i ON i.id = c.incident_id
     WHERE c.alarm->>'account' = ANY($1::text[]) AND c.alarm->>'qualifier' = 'new' AND i.status <> 'closed'
     ORDER BY i.opened_at DESC`,
    [accounts],
  );
  return groupBy(rows.map((row) => ({ incidentId: row.incident_id, alarm: row.alarm })), (incident) => incident.alarm.account);
}

/** Restores waiting for their alarm, of the accounts (or just `callKey`), oldest first, locked so that an alarm and the timer cannot both settle one. */
export async function lockWaitingRestores(manager: EntityManager, filter: { accounts: readonly string[] } | { callKey: string }): Promise<Map<string, WaitingRestore[]>> {
  const [condition, value] = 'accounts' in filter ? [`"alarm"->>'account' = ANY($1::text[])`, filter.accounts] : ['"call_key" = $1', filter.callKey];
  const rows: { call_key: string; alarm: AlarmDetails }[] = await manager.query(
    `SELECT "call_key", "alarm" FROM "${TRIAGE_SCHEMA}"."call" WHERE ${condition} AND "restore_status" = 'waiting' ORDER BY "received_at" FOR UPDATE`,
    [value],
  );
  return groupBy(rows.map((row) => ({ callKey: row.call_key, alarm: row.alarm })), (restore) => restore.alarm.account);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/** Joins a stored restore to its alarm's incident and says so on the incident's timeline. */
export async function attachStoredRestore(manager: EntityManager, restore: WaitingRestore, incidentId: string, reason: string, now: Date): Promise<void> {
  await manager.query(`UPDATE "${TRIAGE_SCHEMA}"."call" SET "incident_id" = $2, "restore_status" = 'attached' WHERE "call_key" = $1`, [restore.callKey, incidentId]);
  await manager.insert(TimelineEntryEntity, restoredEntry(restore, incidentId, reason, now));
}

/** The `alarm-restored` timeline entry of a restore joining an incident (it changes no version: the incident stays as it was). */
export function restoredEntry(restore: WaitingRestore, incidentId: string, reason: string, now: Date): Omit<TimelineEntryEntity, 'id'> {
  return {
    incidentId,
    at: now,
    kind: 'alarm-restored',
    actor: 'triage',
    detail: { callKey: restore.callKey, code: restore.alarm.code, zone: restore.alarm.zone ?? null, reason },
  };
}
