import { Inject, Injectable } from '@nestjs/common';
import { AppTimers, TimerResult, timersToken } from '@vigil/timers';
import { SendDeliveryUseCase } from './deliveries/send-delivery.usecase';
import { AdvanceEscalationUseCase } from './escalations/advance-escalation.usecase';
import { FlushGroupUseCase } from './groups/flush-group.usecase';
import { NOTIFY_SCHEMA } from './notify.schema';
import { NOTIFY_TIMERS } from './notify-timers';

/** Thin adapters from notify's timers to its use cases. */
@Injectable()
export class NotifyTimerHandlers {
  constructor(@Inject(timersToken(NOTIFY_SCHEMA)) timers: AppTimers, flush: FlushGroupUseCase, send: SendDeliveryUseCase, escalate: AdvanceEscalationUseCase) {
    timers.handle(NOTIFY_TIMERS.groupFlush, async (timer) => TimerResult.done((await flush.execute(timer.key)).reason));
    timers.handle(NOTIFY_TIMERS.escalation, async (timer) => TimerResult.done((await escalate.execute(timer.key)).reason));
    timers.handle(NOTIFY_TIMERS.send, async (timer) => {
      const outcome = await send.execute(timer.key);
      if (outcome.sent) return TimerResult.done(outcome.decision.reason);
      // Held by a replica sending it now, or waiting out a backoff: look again when that ends (a retry schedules its own timer too).
      if (outcome.retryAt) await timers.schedule(NOTIFY_TIMERS.send, timer.key, outcome.retryAt, null);
      return TimerResult.done(outcome.reason);
    });
  }
}
