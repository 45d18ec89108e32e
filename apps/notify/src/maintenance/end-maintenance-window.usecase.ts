import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WindowEndStep } from '../domain';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { MaintenanceWindowStore } from './maintenance-window-store';
import { WindowEnds } from './window-ends';

/** What a run of a window's end timer did, for the log. */
export type EndWindowOutcome = WindowEndStep['reason'] | 'no-such-window';

/**
 * A window's end timer fired: under the row lock, what it held goes out if it is over and not yet
 * released (a second run, another replica, a timer rescheduled while this one ran, do nothing).
 */
@Injectable()
export class EndMaintenanceWindowUseCase {
  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource,
    private readonly store: MaintenanceWindowStore,
    private readonly ends: WindowEnds,
  ) {}

  async execute(windowId: string, now = new Date()): Promise<EndWindowOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const record = await this.store.lock(manager, windowId);
      if (!record) return 'no-such-window';
      return (await this.ends.settle(manager, record, now)).reason;
    });
  }
}
