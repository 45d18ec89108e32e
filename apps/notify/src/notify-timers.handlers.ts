import { Inject, Injectable } from '@nestjs/common';
import { AppTimers, TimerResult, timersToken } from '@vigil/timers';
import { AdvanceEscalationUseCase } from './escalations/advance-escalation.usecase';
import { NOTIFY_SCHEMA } from './notify.schema';
import { NOTIFY_TIMERS } from './notify-timers';

/** Thin adapter from notify's escalation timers to its use case. */
@Injectable()
export class NotifyTimerHandlers {
  constructor(@Inject(timersToken(NOTIFY_SCHEMA)) timers: AppTimers, escalate: AdvanceEscalationUseCase) {
    timers.handle(NOTIFY_TIMERS.escalation, async (timer) => TimerResult.done((await escalate.execute(timer.key)).reason));
  }
}
