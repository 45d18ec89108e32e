import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppTimers, timersToken } from '@vigil/timers';
import { endTimerStep, EndTimerStep } from '../domain/mute/silence-timer-step';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { SILENCE_LIFECYCLE, SilenceLifecycle } from './silence-lifecycle';
import { SilenceEntity } from './silence.entity';
import { silenceRecordOf } from './silence-store';
import { SILENCE_END_TIMER, SilenceTimerPayload } from './silence-timers';

/** What a run of the end timer did, for the log. */
export type EndSilenceOutcome = EndTimerStep['reason'] | 'no-such-silence';

/**
 * A silence's end timer fired. Under the row lock the domain decides; the release is recorded for
 * this end time (`released_ends_at`) and told in the same transaction, so a second run (a retry,
 * another replica, a timer rescheduled while this one ran) finds it released and does nothing.
 */
@Injectable()
export class EndSilenceUseCase {
  private readonly logger = new Logger('Silences');

  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource,
    @Inject(timersToken(NOTIFY_SCHEMA)) private readonly timers: AppTimers,
    @Inject(SILENCE_LIFECYCLE) private readonly lifecycle: SilenceLifecycle,
  ) {}

  async execute(silenceId: string, now = new Date()): Promise<EndSilenceOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(SilenceEntity, { where: { id: silenceId }, lock: { mode: 'pessimistic_write' } });
      if (!row) return 'no-such-silence';
      const record = silenceRecordOf(row);
      const step = endTimerStep(record, now);
      if (step.action === 'reschedule') {
        await this.timers.schedule(SILENCE_END_TIMER, silenceId, step.at, { silenceId } satisfies SilenceTimerPayload, { manager });
      } else if (step.action === 'release') {
        await manager.update(SilenceEntity, { id: silenceId }, { releasedEndsAt: record.silence.endsAt });
        await this.lifecycle.ended(record.silence);
        this.logger.log({ msg: 'silence over: what it held goes out', silenceId, endsAt: record.silence.endsAt, reason: step.reason });
      }
      return step.reason;
    });
  }
}
