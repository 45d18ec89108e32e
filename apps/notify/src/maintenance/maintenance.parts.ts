import { EndMaintenanceWindowUseCase } from './end-maintenance-window.usecase';
import { MaintenanceEndTimer } from './maintenance-end.timer';
import { MAINTENANCE_IN_FORCE } from './maintenance-in-force';
import { MaintenanceWindowStore } from './maintenance-window-store';
import { MaintenanceWindowsConsumer } from './maintenance-windows.consumer';
import { TakeMaintenanceWindowUseCase } from './take-maintenance-window.usecase';
import { WindowEnds } from './window-ends';

/**
 * Maintenance windows' parts of the notify module: the consumer of faults' windows, the store the
 * pipeline reads (as MAINTENANCE_IN_FORCE) and the end timer (its table's migration is in
 * NOTIFY_MIGRATIONS). Needs notify's timers (`appTimersProvider`), which the module provides.
 */
export const MAINTENANCE = {
  consumers: [MaintenanceWindowsConsumer],
  providers: [
    MaintenanceWindowStore,
    { provide: MAINTENANCE_IN_FORCE, useExisting: MaintenanceWindowStore },
    WindowEnds,
    TakeMaintenanceWindowUseCase,
    EndMaintenanceWindowUseCase,
    MaintenanceEndTimer,
  ],
};
