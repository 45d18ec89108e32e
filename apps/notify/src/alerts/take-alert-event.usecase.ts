import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Alert, dispatchAlert, groupKeyOf, routeAlert, RoutingTree } from '../domain';
import { DeliverySender } from '../deliveries/delivery-sender';
import type { PlannedSend } from '../deliveries/plan-deliveries';
import { EscalationSteps } from '../escalations/escalation-steps';
import { FlushGroupUseCase, FlushResult, NewGroup } from '../groups/flush-group.usecase';
import { groupStore } from '../groups/group-store';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { RoutingInForce } from '../routing/routing-in-force';
import { AlertEvent, alertUpdateOf, fingerprintOfEvent } from './alert-from-event';
import { alertStore } from './alert-store';

/** What notify did with one event. */
export interface TakenEvent {
  reason: string;
  /** Groups that were due at once (an emergency, a group wait of 0), flushed in the same transaction. */
  flushed: { groupKey: string; result: FlushResult }[];
  sends: PlannedSend[];
}

/**
 * An incident, fault or source event, in one transaction per alert: the alert's newer state
 * (older versions are dropped, so redeliveries and replicas change nothing), its escalation moved
 * (acknowledged, progressed, resolved, a new call while acknowledged), and the alert put in the
 * group of each route it matches, with the group's flush time (which the due-work poller watches).
 * A group due at once (an emergency, a group wait of 0) is flushed in the same transaction, and its
 * deliveries sent as soon as it commits: one commit from event to planned message.
 */
@Injectable()
export class TakeAlertEventUseCase {
  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource,
    private readonly routing: RoutingInForce,
    private readonly escalation: EscalationSteps,
    private readonly flush: FlushGroupUseCase,
    private readonly sender: DeliverySender,
  ) {}

  async execute(event: AlertEvent): Promise<TakenEvent> {
    const now = new Date();
    const tree = this.routing.current()?.tree;
    // No rules yet: nobody to tell, and an alert kept now would never be routed (rules apply to the next event), so no write at all.
    if (!tree) return { reason: 'no-routing-rules', flushed: [], sends: [] };
    const taken = await this.dataSource.transaction((manager) => this.take(manager, event, tree, now));
    this.sender.sendSoon(taken.sends);
    for (const { groupKey, result } of taken.flushed) this.flush.afterCommit(groupKey, result);
    return taken;
  }

  private async take(manager: EntityManager, event: AlertEvent, tree: RoutingTree, now: Date): Promise<TakenEvent> {
    const fingerprint = fingerprintOfEvent(event);
    // Serialises events about one alert, the first one included (there is no row to lock yet).
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [fingerprint]);
    const previous = await alertStore.lock(manager, fingerprint);
    const update = alertUpdateOf(previous, event);
    if (update.action === 'ignore') return { reason: update.reason, flushed: [], sends: [] };
    const { alert } = update;
    await alertStore.save(manager, alert, now);
    // Groups before the escalation, in the order a flush locks them (group, then escalation): no deadlock between the two.
    const dueNow = await this.dispatch(manager, alert, tree, previous !== null, now);
    const flushed = [];
    for (const { groupKey, created } of dueNow) flushed.push({ groupKey, result: await this.flush.flushIn(manager, groupKey, now, created) });
    // A first-seen alert has no escalation to move (one its flush just started is at this very version).
    const step = previous ? await this.escalation.move(manager, alert, { type: 'alert', alert }, now) : null;
    const sends = [...flushed.flatMap((f) => f.result.sends), ...(step?.sends ?? [])];
    return { reason: update.reason, flushed, sends };
  }

  /** Puts the alert in its groups (leaving those it no longer routes to); returns the groups due now, with those it just created. */
  private async dispatch(manager: EntityManager, alert: Alert, tree: RoutingTree, known: boolean, now: Date): Promise<{ groupKey: string; created?: NewGroup }[]> {
    const keys = routeAlert(alert, tree).map((route) => groupKeyOf(alert, route));
    const timings = await groupStore.lockTimings(manager, keys);
    // An alert seen for the first time is in no group yet: nothing to read.
    const memberOf = known ? await groupStore.memberOf(manager, alert.fingerprint) : [];
    const dispatch = dispatchAlert(alert, tree, timings, memberOf, now);
    const dueNow: { groupKey: string; created?: NewGroup }[] = [];
    for (const { groupKey, route, decision } of dispatch.joins) {
      const { created } = await groupStore.join(manager, groupKey, route, decision.group, alert.fingerprint);
      if (decision.group.flushAt > now) continue;
      // A group this statement created holds this alert alone (another replica's join would have found it, not created it).
      dueNow.push({ groupKey, ...(created && { created: { group: { groupKey, route, timing: decision.group }, member: alert } }) });
    }
    await groupStore.leave(manager, dispatch.leaves, alert.fingerprint);
    return dueNow;
  }
}
