import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppTimers, timersToken } from '@vigil/timers';
import { reminderTimerStep, ReminderTimerStep } from '../domain/mute/silence-timer-step';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { SILENCE_LIFECYCLE, SilenceLifecycle } from './silence-lifecycle';
import { SilenceEntity } from './silence.entity';
import { silenceRecordOf } from './silence-store';
import { SILENCE_REMINDER_LEAD_MS, SILENCE_REMINDER_TIMER, SilenceTimerPayload } from './silence-timers';

/** What a run of the reminder timer did, for the log. */
export type RemindSilenceOutcome = ReminderTimerStep['reason'] | 'no-such-silence';

/**
 * A silence's reminder timer fired. Under the row lock the domain decides; a reminder is recorded
 * (`reminded_at`) and told in the same transaction, so a second run (a retry, another replica)
 * finds it reminded and does nothing.
 */
@Injectable()
export class RemindSilenceUseCase {
  private readonly logger = new Logger('Silences');

  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource,
    @Inject(timersToken(NOTIFY_SCHEMA)) private readonly timers: AppTimers,
    @Inject(SILENCE_LIFECYCLE) private readonly lifecycle: SilenceLifecycle,
  ) {}

  async execute(silenceId: string, now = new Date()): Promise<RemindSilenceOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(SilenceEntity, { where: { id: silenceId }, lock: { mode: 'pessimistic_write' } });
      if (!row) return 'no-such-silence';
      const record = silenceRecordOf(row);
      const step = reminderTimerStep(record, now, SILENCE_REMINDER_LEAD_MS);
      if (step.action === 'reschedule') {
        await this.timers.schedule(SILENCE_REMINDER_TIMER, silenceId, step.at, { silenceId } satisfies SilenceTimerPayload, { manager });
      } else if (step.action === 'remind') {
        await manager.update(SilenceEntity, { id: silenceId }, { remindedAt: now });
        await this.lifecycle.reminderDue(record.silence);
        this.logger.log({ msg: 'silence ends soon: reminder sent', silenceId, endsAt: record.silence.endsAt, reason: step.reason });
      }
      return step.reason;
    });
  }
}
