import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@vigil/auth';
import { isUuid } from '@vigil/db';
import { AppTimers, timersToken } from '@vigil/timers';
import { expireSilence } from '../domain/mute/silence';
import { recordState } from '../domain/mute/silence-timer-step';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { mayManageSilences } from './silence-access';
import { SilenceEntity } from './silence.entity';
import { SilenceResult } from './silence-result';
import { silenceRecordOf } from './silence-store';
import { SILENCE_END_TIMER, SILENCE_REMINDER_TIMER, SilenceTimerPayload } from './silence-timers';
import { toSilenceView } from './silence-view';

/**
 * POST /api/notify/silences/:id/expire: the silence ends now (a pending one never starts), with
 * who ended it; its end timer is brought forward to now, in the same transaction, so what it held
 * goes out at once. Expiring an expired silence changes nothing and answers it as it is.
 */
@Injectable()
export class ExpireSilenceUseCase {
  private readonly logger = new Logger('Silences');

  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource,
    @Inject(timersToken(NOTIFY_SCHEMA)) private readonly timers: AppTimers,
  ) {}

  async expire(by: Principal, id: string, now = new Date()): Promise<SilenceResult> {
    if (!mayManageSilences(by)) return { kind: 'forbidden', message: 'control-room operators and the supervisor expire silences' };
    if (!isUuid(id)) return { kind: 'not-found', id };
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(SilenceEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) return { kind: 'not-found', id };
      if (recordState(silenceRecordOf(row), now) === 'expired') return { kind: 'saved', silence: toSilenceView(silenceRecordOf(row), now) };
      const expired = expireSilence(silenceRecordOf(row).silence, now);
      const after: SilenceEntity = { ...row, endsAt: expired.silence.endsAt, expiredAt: now, expiredBy: by.subject };
      await manager.update(SilenceEntity, { id }, { endsAt: after.endsAt, expiredAt: after.expiredAt, expiredBy: after.expiredBy });
      const payload: SilenceTimerPayload = { silenceId: id };
      await this.timers.schedule(SILENCE_END_TIMER, id, now, payload, { manager });
      await this.timers.cancel(SILENCE_REMINDER_TIMER, id, { manager });
      this.logger.log({ msg: 'silence expired', silenceId: id, expiredBy: by.subject, reason: expired.reason });
      return { kind: 'saved', silence: toSilenceView(silenceRecordOf(after), now) };
    });
  }
}
