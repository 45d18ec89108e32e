import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decisions } from '@vigil/observability';
import { pairRestore } from '../domain/pair-restore';
import { TRIAGE_SCHEMA } from '../triage.schema';
import { CallEntity } from './call.entity';
import { attachStoredRestore, lockAlarmAccount, lockWaitingRestores, openAlarmIncidents } from './restore-pairing';

/** What the end of a restore wait did. */
export type PairOrRecordResult =
  | { kind: 'restore-attached'; incidentId: string; reason: string }
  | { kind: 'restore-unpaired' }
  | { kind: 'already-settled' };

/**
 * Ends the wait of a restore that came before its alarm: pairs it if the alarm's incident is
 * there now (an alarm committed on another replica at the same moment is only seen here),
 * otherwise records it alone. A restore the alarm already paired is left as it is.
 */
@Injectable()
export class PairOrRecordRestoreUseCase {
  constructor(@InjectDataSource(TRIAGE_SCHEMA) private readonly dataSource: DataSource) {}

  async execute(callKey: string, now = new Date()): Promise<PairOrRecordResult> {
    return this.dataSource.transaction(async (manager) => {
      const [call] = await manager.find(CallEntity, { select: { alarm: true }, where: { callKey } });
      if (!call?.alarm) return { kind: 'already-settled' };
      // The account lock before the row lock, in the order the alarm's transaction takes them.
      await lockAlarmAccount(manager, call.alarm.account);
      const [restore] = [...(await lockWaitingRestores(manager, { callKey })).values()].flat();
      if (!restore) return { kind: 'already-settled' };
      const open = await openAlarmIncidents(manager, [restore.alarm.account]);
      const decision = pairRestore(restore.alarm, open.get(restore.alarm.account) ?? []);
      decisions.inc({ app: 'triage', decision: 'restore', reason: decision.reason });
      if (decision.action === 'attach') {
        await attachStoredRestore(manager, restore, decision.incidentId, decision.reason, now);
        return { kind: 'restore-attached', incidentId: decision.incidentId, reason: decision.reason };
      }
      await manager.query(`UPDATE "${TRIAGE_SCHEMA}"."call" SET "restore_status" = 'alone' WHERE "call_key" = $1`, [callKey]);
      return { kind: 'restore-unpaired' };
    });
  }
}
