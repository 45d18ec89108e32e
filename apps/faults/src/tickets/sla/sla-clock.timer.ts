import { Inject, Injectable } from '@nestjs/common';
import { AppTimers, TimerResult, timersToken } from '@vigil/timers';
import { FAULTS_SCHEMA } from '../../faults.schema';
import { SLA_CLOCK_TIMER, SlaClockTimerPayload } from '../sla-timers';
import { CheckSlaClockUseCase } from './check-sla-clock.usecase';

/** Thin adapter from the SLA clock timer to the check-clock use case. */
@Injectable()
export class SlaClockTimer {
  constructor(@Inject(timersToken(FAULTS_SCHEMA)) timers: AppTimers, checkClock: CheckSlaClockUseCase) {
    timers.handle<SlaClockTimerPayload>(SLA_CLOCK_TIMER, async (timer) => TimerResult.done((await checkClock.execute(timer.payload.ticketId, timer.payload.clock)).reason));
  }
}
