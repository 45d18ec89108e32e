import { Inject, Injectable } from '@nestjs/common';
import { AppTimers, TimerResult, timersToken } from '@vigil/timers';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { EndSilenceUseCase } from './end-silence.usecase';
import { SILENCE_END_TIMER, SilenceTimerPayload } from './silence-timers';

/** Thin adapter from a silence's end timer to the end use case. */
@Injectable()
export class SilenceEndTimer {
  constructor(@Inject(timersToken(NOTIFY_SCHEMA)) timers: AppTimers, end: EndSilenceUseCase) {
    timers.handle<SilenceTimerPayload>(SILENCE_END_TIMER, async (timer) => TimerResult.done(await end.execute(timer.payload.silenceId)));
  }
}
