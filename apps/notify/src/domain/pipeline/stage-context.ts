import type { Alert } from '../alerts/alert';
import type { NotificationLogEntry } from '../dedup/notification-log-entry';
import { InhibitionRule, inhibitor } from '../mute/inhibition';
import { MaintenanceWindow, maintenanceMuter } from '../mute/maintenance-window';
import { Silence, silencer } from '../mute/silence';
import type { StageContext } from './stage';

/** What the use case loads before a flush: the muting data in force and the group's log entries. */
export interface StageInputs {
  now: Date;
  maintenanceWindows: readonly MaintenanceWindow[];
  inhibitionRules: readonly InhibitionRule[];
  /** Every alert firing now, as inhibition sources. */
  firingAlerts: readonly Alert[];
  silences: readonly Silence[];
  logEntries: readonly NotificationLogEntry[];
}

/** Builds the stages' context from loaded data. */
export function stageContext(inputs: StageInputs): StageContext {
  return {
    now: inputs.now,
    muters: { maintenance: maintenanceMuter(inputs.maintenanceWindows), inhibition: inhibitor(inputs.inhibitionRules, inputs.firingAlerts), silences: silencer(inputs.silences) },
    logEntries: new Map(inputs.logEntries.map((entry) => [entry.channel, entry])),
  };
}
