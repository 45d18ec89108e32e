import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { transientFaultOf } from '@vigil/bus';
import { Alert, dispatchAlert, groupKeyOf, routeAlert, RoutingTree } from '../domain';
import { DeliverySender } from '../deliveries/delivery-sender';
import type { PlannedSend } from '../deliveries/plan-deliveries';
import { EscalationSteps } from '../escalations/escalation-steps';
import { escalationStore } from '../escalations/escalation-store';
import { FlushGroupUseCase, FlushResult } from '../groups/flush-group.usecase';
import { groupStore, StoredGroup } from '../groups/group-store';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { RoutingInForce } from '../routing/routing-in-force';
import { AlertEvent, alertUpdateOf, fingerprintOfEvent } from './alert-from-event';
import { alertStore } from './alert-store';

/** What notify did with one event: taken (and why, as the domain said), or `failed` alone, to be redelivered. */
export type TakeResult = { kind: 'taken'; reason: string } | { kind: 'failed'; reason: string };

/** What one transaction did: a reason per event, the groups it flushed, and the deliveries to send once it commits. */
interface TakenBatch {
  reasons: string[];
  flushed: { groupKey: string; result: FlushResult }[];
  sends: PlannedSend[];
}

/**
 * Incident, fault or source events, a batch per transaction: each alert's newer state (older
 * versions are dropped, so redeliveries and replicas change nothing), its escalation moved
 * (acknowledged, progressed, resolved, a new call while acknowledged), and the alert put in the
 * group of each route it matches, with the group's flush time (which the due-work poller watches).
 * Groups due at once (an emergency, a group wait of 0) are flushed in the same transaction and
 * their deliveries sent as soon as it commits: one commit from event to planned message.
 *
 * A batch costs a fixed number of statements, not a few per event (locks, one read and one write
 * per table): at 1,000 events a second, round trips to Postgres were where notify's time went.
 * Events about one alert in one batch apply in order, each in its own round of the same transaction.
 */
@Injectable()
export class TakeAlertEventsUseCase {
  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource,
    private readonly routing: RoutingInForce,
    private readonly escalation: EscalationSteps,
    private readonly flush: FlushGroupUseCase,
    private readonly sender: DeliverySender,
  ) {}

  /**
   * Takes the events in one transaction. When an event makes the batch fail, each goes again
   * alone, so only that one fails (and is redelivered) and the rest commit; Postgres or NATS gone
   * fails the whole batch, to be redelivered.
   */
  async execute(events: readonly AlertEvent[]): Promise<TakeResult[]> {
    const now = new Date();
    const tree = this.routing.current()?.tree;
    // No rules yet: nobody to tell, and an alert kept now would never be routed (rules apply to the next event), so no write at all.
    if (!tree) return events.map(() => ({ kind: 'taken', reason: 'no-routing-rules' }));
    try {
      return await this.takeBatch(events, tree, now);
    } catch (error) {
      if (transientFaultOf(error) || events.length === 1) throw error;
      const alone: TakeResult[] = [];
      for (const event of events) alone.push(await this.takeAlone(event, tree, now));
      return alone;
    }
  }

  private async takeAlone(event: AlertEvent, tree: RoutingTree, now: Date): Promise<TakeResult> {
    try {
      return (await this.takeBatch([event], tree, now))[0];
    } catch (error) {
      if (transientFaultOf(error)) throw error;
      return { kind: 'failed', reason: (error as Error).message };
    }
  }

  private async takeBatch(events: readonly AlertEvent[], tree: RoutingTree, now: Date): Promise<TakeResult[]> {
    const taken = await this.dataSource.transaction((manager) => this.takeIn(manager, events, tree, now));
    this.sender.sendSoon(taken.sends);
    this.flush.count(taken.flushed);
    return taken.reasons.map((reason) => ({ kind: 'taken', reason }));
  }

  private async takeIn(manager: EntityManager, events: readonly AlertEvent[], tree: RoutingTree, now: Date): Promise<TakenBatch> {
    const fingerprints = events.map(fingerprintOfEvent);
    const held = await alertStore.lockAll(manager, fingerprints);
    const known = new Set(held.keys());
    const reasons: string[] = [];
    // Round n holds each alert's n-th change in this batch: a round has one state per alert.
    const rounds: Alert[][] = [];
    const changes = new Map<string, number>();
    for (const [i, event] of events.entries()) {
      const fingerprint = fingerprints[i];
      const update = alertUpdateOf(held.get(fingerprint) ?? null, event);
      reasons.push(update.reason);
      if (update.action === 'ignore') continue;
      held.set(fingerprint, update.alert);
      const round = changes.get(fingerprint) ?? 0;
      changes.set(fingerprint, round + 1);
      (rounds[round] ??= []).push(update.alert);
    }
    const taken: TakenBatch = { reasons, flushed: [], sends: [] };
    for (const alerts of rounds) {
      await this.takeRound(manager, alerts, known, tree, now, taken);
      for (const alert of alerts) known.add(alert.fingerprint);
    }
    return taken;
  }

  /** One state per alert: saved, put in its groups, due groups flushed, escalations moved. */
  private async takeRound(manager: EntityManager, alerts: readonly Alert[], known: ReadonlySet<string>, tree: RoutingTree, now: Date, taken: TakenBatch): Promise<void> {
    await alertStore.saveAll(manager, alerts, now);
    // Groups before escalations, in the order a flush locks them (group, then escalation): no deadlock between the two.
    const dueNow = await this.dispatch(manager, alerts, known, tree, now);
    const results = await this.flush.flushAllIn(manager, dueNow, now);
    for (const [i, result] of results.entries()) {
      taken.flushed.push({ groupKey: dueNow[i], result });
      taken.sends.push(...result.sends);
    }
    // A first-seen alert has no escalation to move (one its flush just started is at this very version).
    const escalating = await escalationStore.lockWhichExist(manager, alerts.filter((alert) => known.has(alert.fingerprint)).map((alert) => alert.fingerprint));
    for (const alert of alerts.filter((a) => escalating.has(a.fingerprint))) {
      const step = await this.escalation.move(manager, alert, { type: 'alert', alert }, now);
      if (step) taken.sends.push(...step.sends);
    }
  }

  /** Puts each alert in its groups (leaving those it no longer routes to); returns the keys of the groups due now. */
  private async dispatch(manager: EntityManager, alerts: readonly Alert[], known: ReadonlySet<string>, tree: RoutingTree, now: Date): Promise<string[]> {
    const keys = alerts.flatMap((alert) => routeAlert(alert, tree).map((route) => groupKeyOf(alert, route)));
    const timings = new Map((await groupStore.lockAll(manager, [...new Set(keys)])).map((group) => [group.groupKey, group.timing]));
    // Alerts seen for the first time are in no group yet: nothing to read for them.
    const memberships = await groupStore.membershipsOf(manager, alerts.filter((alert) => known.has(alert.fingerprint)).map((alert) => alert.fingerprint));
    const joined = new Map<string, StoredGroup>();
    const members: { groupKey: string; fingerprint: string }[] = [];
    const leaves: { groupKey: string; fingerprint: string }[] = [];
    for (const alert of alerts) {
      const dispatch = dispatchAlert(alert, tree, timings, memberships.get(alert.fingerprint) ?? [], now);
      for (const { groupKey, route, decision } of dispatch.joins) {
        // The next alert of the batch joining this group finds it as this one left it.
        timings.set(groupKey, decision.group);
        joined.set(groupKey, { groupKey, route, timing: decision.group });
        members.push({ groupKey, fingerprint: alert.fingerprint });
      }
      leaves.push(...dispatch.leaves.map((groupKey) => ({ groupKey, fingerprint: alert.fingerprint })));
    }
    await groupStore.joinAll(manager, [...joined.values()], members);
    await groupStore.leaveAll(manager, leaves);
    return [...joined.values()].filter((group) => group.timing.flushAt <= now).map((group) => group.groupKey);
  }
}
