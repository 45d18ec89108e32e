import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MaintenanceWindowChanged } from '@vigil/contracts';
import { takeWindowChange } from '../domain';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { MaintenanceWindowStore } from './maintenance-window-store';
import { WindowEnds } from './window-ends';

/**
 * A faults window's new version, in one transaction: kept if newer than the one notify has (so a
 * replay or redelivery changes nothing), then its end settled: a cancellation or a shortening to
 * the past releases what it held at once, otherwise its end timer is set for its end.
 */
@Injectable()
export class TakeMaintenanceWindowUseCase {
  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource,
    private readonly store: MaintenanceWindowStore,
    private readonly ends: WindowEnds,
  ) {}

  async execute(event: MaintenanceWindowChanged, now = new Date()): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      // Serialises versions of one window, the first included (there is no row to lock yet).
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`maintenance-window:${event.windowId}`]);
      const change = takeWindowChange(await this.store.lock(manager, event.windowId), event, now);
      if (change.action === 'ignore') return change.reason;
      await this.store.save(manager, change.record, now);
      await this.ends.settle(manager, change.record, now);
      return change.reason;
    });
  }
}
