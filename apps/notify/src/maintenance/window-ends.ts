import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppTimers, timersToken } from '@vigil/timers';
import { MaintenanceWindowRecord, windowEnd, windowEndStep, WindowEndStep, windowInForce } from '../domain';
import { flushGroupsMatchingNow } from '../groups/flush-groups-matching';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { NOTIFY_TIMERS } from '../notify-timers';
import { MaintenanceWindowStore } from './maintenance-window-store';

/**
 * Does what a window's end calls for, in the caller's transaction with the window locked: when
 * it is over or cancelled, every group holding a firing alert it covers is flushed now (they were
 * held back at their last flush) and the release is recorded for that end, so a second run does
 * nothing; when it is not over, its end timer is (re)set for its end.
 */
@Injectable()
export class WindowEnds {
  private readonly logger = new Logger('MaintenanceWindows');

  constructor(
    private readonly store: MaintenanceWindowStore,
    @Inject(timersToken(NOTIFY_SCHEMA)) private readonly timers: AppTimers,
  ) {}

  async settle(manager: EntityManager, record: MaintenanceWindowRecord, now: Date): Promise<WindowEndStep> {
    const step = windowEndStep(record, now);
    switch (step.action) {
      case 'wait':
        await this.timers.schedule(NOTIFY_TIMERS.maintenanceEnd, record.windowId, step.at, null, { manager });
        break;
      case 'release': {
        await this.released(manager, record);
        const groups = await flushGroupsMatchingNow(manager, windowInForce(record).matchers, now);
        this.logger.log({ msg: 'maintenance over: what it held goes out', windowId: record.windowId, reason: step.reason, groups });
        break;
      }
      case 'mark-released':
        await this.released(manager, record);
        break;
      case 'skip':
        break;
    }
    return step;
  }

  /** Records the release for this end and drops the end timer still pending (a cancellation before the end). */
  private async released(manager: EntityManager, record: MaintenanceWindowRecord): Promise<void> {
    await this.store.markReleased(manager, record.windowId, windowEnd(record));
    await this.timers.cancel(NOTIFY_TIMERS.maintenanceEnd, record.windowId, { manager });
  }
}
