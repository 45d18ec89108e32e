import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { buildNotifyPipeline, Held, Notification, PlannedDelivery, runNotifyPipeline, stageContext } from '../domain';
import { MAINTENANCE_IN_FORCE, MaintenanceInForce } from '../maintenance/maintenance-in-force';
import { deliveryStore } from './delivery-store';
import { INHIBITION_RULES, inhibitionSourcesFor, SILENCES_IN_FORCE, SilencesInForce } from './muting-data';
import { notificationLogStore } from './notification-log-store';

/** A delivery recorded and waiting to be sent: the caller sends it once its transaction commits. */
export interface PlannedSend {
  id: string;
  delivery: PlannedDelivery;
}

/** What planning a notification came to. */
export interface PlanOutcome {
  sends: PlannedSend[];
  held: Held[];
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

  async plan(manager: EntityManager, notifications: readonly Notification[], now: Date): Promise<PlanOutcome> {
    const outcome: PlanOutcome = { sends: [], held: [] };
    if (notifications.length === 0) return outcome;
    const alerts = notifications.flatMap((notification) => notification.alerts);
    // One after the other: both run on the transaction's one connection.
    const silences = await this.silences.inForce(now, manager);
    const maintenanceWindows = await this.maintenance.inForce(now, manager);
    const firingAlerts = await inhibitionSourcesFor(manager, alerts);
    for (const notification of notifications) {
      const logEntries = await notificationLogStore.entries(manager, notification.groupKey);
      const context = stageContext({ now, maintenanceWindows, inhibitionRules: INHIBITION_RULES, firingAlerts, silences, logEntries });
      const { deliveries, held } = runNotifyPipeline(this.pipeline, notification, context);
      outcome.held.push(...held);
      for (const delivery of deliveries) {
        const id = await deliveryStore.insert(manager, delivery, now);
        await notificationLogStore.record(manager, delivery.logEntry);
        outcome.sends.push({ id, delivery });
      }
    }
    return outcome;
  }
}
