import { Inject, Injectable } from '@nestjs/common';
import { AppTimers, TimerResult, timersToken } from '@vigil/timers';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { NOTIFY_TIMERS } from '../notify-timers';
import { EndMaintenanceWindowUseCase } from './end-maintenance-window.usecase';

/** Thin adapter from a window's end timer (keyed by window id) to the end use case. */
@Injectable()
export class MaintenanceEndTimer {
  constructor(@Inject(timersToken(NOTIFY_SCHEMA)) timers: AppTimers, end: EndMaintenanceWindowUseCase) {
    timers.handle(NOTIFY_TIMERS.maintenanceEnd, async (timer) => TimerResult.done(await end.execute(timer.key)));
  }
}
