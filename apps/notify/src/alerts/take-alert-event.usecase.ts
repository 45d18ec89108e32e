import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppTimers, timersToken } from '@vigil/timers';
import { Alert, dispatchAlert, groupKeyOf, routeAlert, RoutingTree } from '../domain';
import { DeliverySender } from '../deliveries/delivery-sender';
import { PlannedSend, SEND_SAFETY_DELAY_MS } from '../deliveries/plan-deliveries';
import { EscalationSteps } from '../escalations/escalation-steps';
import { FlushGroupUseCase } from '../groups/flush-group.usecase';
import { groupStore } from '../groups/group-store';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { NOTIFY_TIMERS } from '../notify-timers';
import { RoutingInForce } from '../routing/routing-in-force';
import { AlertEvent, alertUpdateOf, fingerprintOfEvent } from './alert-from-event';
import { alertStore } from './alert-store';

/** What notify did with one event. */
export interface TakenEvent {
  reason: string;
  /** Groups due at once (an emergency, a group wait of 0): flushed right after the commit. */
  flushNow: string[];
  sends: PlannedSend[];
}

/**
 * An incident, fault or source event, in one transaction per alert: the alert's newer state
 * (older versions are dropped, so redeliveries and replicas change nothing), its escalation moved
 * (acknowledged, progressed, resolved, a new call while acknowledged), and the alert put in the
 * group of each route it matches with that group's flush timer. A group due at once is flushed as
 * soon as the transaction commits; its timer is the safety net.
 */
@Injectable()
export class TakeAlertEventUseCase {
  private readonly logger = new Logger('TakeAlertEvent');

  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource,
    @Inject(timersToken(NOTIFY_SCHEMA)) private readonly timers: AppTimers,
    private readonly routing: RoutingInForce,
    private readonly escalation: EscalationSteps,
    private readonly flush: FlushGroupUseCase,
    private readonly sender: DeliverySender,
  ) {}

  async execute(event: AlertEvent): Promise<TakenEvent> {
    const now = new Date();
    const tree = this.routing.current()?.tree;
    const taken = await this.dataSource.transaction((manager) => this.take(manager, event, tree, now));
    this.sender.sendSoon(taken.sends);
    for (const groupKey of taken.flushNow) {
      // The timer flushes it anyway if this fails; the event itself is safely recorded.
      await this.flush.execute(groupKey).catch((error: Error) => this.logger.warn({ msg: 'flush failed, its timer will try again', groupKey, error: error.message }));
    }
    return taken;
  }

  private async take(manager: EntityManager, event: AlertEvent, tree: RoutingTree | undefined, now: Date): Promise<TakenEvent> {
    const fingerprint = fingerprintOfEvent(event);
    // Serialises events about one alert, the first one included (there is no row to lock yet).
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [fingerprint]);
    const update = alertUpdateOf(await alertStore.lock(manager, fingerprint), event);
    if (update.action === 'ignore') return { reason: update.reason, flushNow: [], sends: [] };
    const { alert } = update;
    await alertStore.save(manager, alert, now);
    // Groups before the escalation, in the order a flush locks them (group, then escalation): no deadlock between the two.
    const flushNow = tree ? await this.dispatch(manager, alert, tree, now) : [];
    const step = await this.escalation.move(manager, alert, { type: 'alert', alert }, now);
    return { reason: tree ? update.reason : 'no-routing-rules', flushNow, sends: step?.sends ?? [] };
  }

  /** Puts the alert in its groups (leaving those it no longer routes to); returns the groups due now. */
  private async dispatch(manager: EntityManager, alert: Alert, tree: RoutingTree, now: Date): Promise<string[]> {
    const keys = routeAlert(alert, tree).map((route) => groupKeyOf(alert, route));
    const timings = await groupStore.lockTimings(manager, keys);
    const dispatch = dispatchAlert(alert, tree, timings, await groupStore.memberOf(manager, alert.fingerprint), now);
    const flushNow: string[] = [];
    for (const { groupKey, route, decision } of dispatch.joins) {
      const before = timings.get(groupKey);
      await groupStore.join(manager, groupKey, route, decision.group, alert.fingerprint);
      if (before && before.flushAt.getTime() === decision.group.flushAt.getTime()) continue;
      const dueNow = decision.group.flushAt <= now;
      if (dueNow) flushNow.push(groupKey);
      const timerAt = dueNow ? new Date(now.getTime() + SEND_SAFETY_DELAY_MS) : decision.group.flushAt;
      await this.timers.schedule(NOTIFY_TIMERS.groupFlush, groupKey, timerAt, null, { manager });
    }
    await groupStore.leave(manager, dispatch.leaves, alert.fingerprint);
    return flushNow;
  }
}
