import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { buildNotifyPipeline, Held, Notification, NotificationLogEntry, PlannedDelivery, runNotifyPipeline, stageContext } from '../domain';
import { MAINTENANCE_IN_FORCE, MaintenanceInForce } from '../maintenance/maintenance-in-force';
import { deliveryStore } from './delivery-store';
import { INHIBITION_RULES, inhibitionSourcesFor, SILENCES_IN_FORCE, SilencesInForce } from './muting-data';
import { notificationLogStore } from './notification-log-store';

/** A delivery recorded and waiting to be sent: the caller sends it once its transaction commits. */
export interface PlannedSend {
  id: string;
  delivery: PlannedDelivery;
}

/** What the pipeline held back, and in which group. */
export type HeldInGroup = Held & { groupKey: string };

/** What planning notifications came to. */
export interface PlanOutcome {
  sends: PlannedSend[];
  held: HeldInGroup[];
}

/**
 * Runs notifications through the pipeline (mute, fan out, de-duplicate) and, inside the caller's
 * transaction, records each delivery and the notification log entry it will leave: all of it is
 * there after a crash, or none of it (a delivery nobody sent is found by the due-work poller).
 */
@Injectable()
export class PlanDeliveries {
  private readonly pipeline = buildNotifyPipeline();

  constructor(@Inject(SILENCES_IN_FORCE) private readonly silences: SilencesInForce, @Inject(MAINTENANCE_IN_FORCE) private readonly maintenance: MaintenanceInForce) {}

  /** Plans every notification in a fixed number of statements, whatever their number: a batch of events costs what one does. */
  async plan(manager: EntityManager, notifications: readonly Notification[], now: Date): Promise<PlanOutcome> {
    const outcome: PlanOutcome = { sends: [], held: [] };
    if (notifications.length === 0) return outcome;
    const alerts = notifications.flatMap((notification) => notification.alerts);
    // One after the other: all run on the transaction's one connection.
    const silences = await this.silences.inForce(now, manager);
    const maintenanceWindows = await this.maintenance.inForce(now, manager);
    const firingAlerts = await inhibitionSourcesFor(manager, alerts);
    const logEntries = await notificationLogStore.entriesOf(manager, [...new Set(notifications.map((notification) => notification.groupKey))]);
    const deliveries: PlannedDelivery[] = [];
    for (const notification of notifications) {
      const context = stageContext({ now, maintenanceWindows, inhibitionRules: INHIBITION_RULES, firingAlerts, silences, logEntries: logEntries.get(notification.groupKey) ?? [] });
      const planned = runNotifyPipeline(this.pipeline, notification, context);
      outcome.held.push(...planned.held.map((held) => ({ ...held, groupKey: notification.groupKey })));
      deliveries.push(...planned.deliveries);
      // A later notification of the same group in this plan must find what this one will leave.
      for (const { logEntry } of planned.deliveries) {
        logEntries.set(logEntry.groupKey, [...(logEntries.get(logEntry.groupKey) ?? []).filter((entry) => entry.channel !== logEntry.channel), logEntry]);
      }
    }
    const ids = await deliveryStore.insertAll(manager, deliveries, now);
    await notificationLogStore.recordAll(manager, latestPerGroupAndChannel(deliveries.map((delivery) => delivery.logEntry)));
    outcome.sends.push(...deliveries.map((delivery, i) => ({ id: ids[i], delivery })));
    return outcome;
  }
}

/** One entry per (group, channel), the last planned: two notifications of one group in a plan leave the later one's. */
function latestPerGroupAndChannel(entries: readonly NotificationLogEntry[]): NotificationLogEntry[] {
  return [...new Map(entries.map((entry) => [`${entry.groupKey}\u0000${entry.channel}`, entry])).values()];
}
