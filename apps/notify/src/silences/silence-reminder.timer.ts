import { Inject, Injectable } from '@nestjs/common';
import { AppTimers, TimerResult, timersToken } from '@vigil/timers';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { RemindSilenceUseCase } from './remind-silence.usecase';
import { SILENCE_REMINDER_TIMER, SilenceTimerPayload } from './silence-timers';

/** Thin adapter from a silence's reminder timer to the remind use case. */
@Injectable()
export class SilenceReminderTimer {
  constructor(@Inject(timersToken(NOTIFY_SCHEMA)) timers: AppTimers, remind: RemindSilenceUseCase) {
    timers.handle<SilenceTimerPayload>(SILENCE_REMINDER_TIMER, async (timer) => TimerResult.done(await remind.execute(timer.payload.silenceId)));
  }
}
