import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { transientFaultOf } from '@vigil/bus';
import { decisions } from '@vigil/observability';
import { Alert, decideFlush, FlushDecision, Held, MatchedRoute } from '../domain';
import { DeliverySender } from '../deliveries/delivery-sender';
import { PlanDeliveries, PlannedSend } from '../deliveries/plan-deliveries';
import { EscalationSteps } from '../escalations/escalation-steps';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { RoutingInForce } from '../routing/routing-in-force';
import { groupStore } from './group-store';
import { routeInForce } from './route-in-force';

/** What one flush came to, for the log, the metrics and tests. */
export interface FlushResult {
  reason: 'group-closed' | 'not-due' | 'group-wait-elapsed' | 'group-interval-elapsed';
  sends: PlannedSend[];
  held: Held[];
}

/**
 * A group's flush (Alertmanager's aggregation group tick): when due, its alerts go through the
 * pipeline to the route's receiver; escalation starts for each firing alert the receiver was just
 * told; resolved alerts leave once told, and an empty group closes; otherwise the next flush is
 * one group interval away (its `flush_at`, which the due-work poller watches). The group row is
 * locked throughout: two replicas flush a group one after the other, and the second finds it not due.
 */
@Injectable()
export class FlushGroupUseCase {
  private readonly logger = new Logger('FlushGroup');

  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource,
    private readonly routing: RoutingInForce,
    private readonly plan: PlanDeliveries,
    private readonly escalation: EscalationSteps,
    private readonly sender: DeliverySender,
  ) {}

  /**
   * Flushes the groups in a transaction of their own (the due-work poller), then sends what they
   * planned. When one group makes the flush fail, each goes again alone, so the others still go.
   */
  async execute(groupKeys: readonly string[]): Promise<void> {
    try {
      await this.flushTogether(groupKeys);
    } catch (error) {
      if (transientFaultOf(error) || groupKeys.length === 1) throw error;
      for (const groupKey of groupKeys) {
        await this.flushTogether([groupKey]).catch((alone: Error) => this.logger.error({ msg: 'group could not be flushed, will try again', groupKey, error: alone.message }));
      }
    }
  }

  private async flushTogether(groupKeys: readonly string[]): Promise<void> {
    const now = new Date();
    const results = await this.dataSource.transaction((manager) => this.flushAllIn(manager, groupKeys, now));
    this.sender.sendSoon(results.flatMap((result) => result.sends));
    this.count(results.map((result, i) => ({ groupKey: groupKeys[i], result })));
  }

  /**
   * Flushes the groups inside the caller's transaction (events whose groups are due at once are
   * taken and flushed in one commit), in a fixed number of statements whatever their number; the
   * caller sends what they planned once it has committed, and counts them by {@link count}. One result per
   * key, in order.
   */
  async flushAllIn(manager: EntityManager, groupKeys: readonly string[], now: Date): Promise<FlushResult[]> {
    const groups = new Map((await groupStore.lockAll(manager, groupKeys)).map((group) => [group.groupKey, group]));
    const tree = this.routing.current()?.tree;
    const due = new Map<string, { route: MatchedRoute; decision: Extract<FlushDecision, { flush: true }> }>();
    const results = new Map<string, FlushResult>();
    for (const key of groupKeys) {
      const group = groups.get(key);
      if (!group) {
        results.set(key, { reason: 'group-closed', sends: [], held: [] });
        continue;
      }
      const route = routeInForce(tree, group.route);
      const decision = decideFlush(group.timing, route, now);
      if (decision.flush) due.set(key, { route, decision });
      else results.set(key, { reason: decision.reason, sends: [], held: [] });
    }
    if (due.size > 0) await this.flushDue(manager, due, results, now);
    return groupKeys.map((key) => results.get(key) ?? { reason: 'group-closed', sends: [], held: [] });
  }

  private async flushDue(
    manager: EntityManager,
    due: ReadonlyMap<string, { route: MatchedRoute; decision: Extract<FlushDecision, { flush: true }> }>,
    results: Map<string, FlushResult>,
    now: Date,
  ): Promise<void> {
    const members = await groupStore.membersOf(manager, [...due.keys()]);
    const notifications = [...due].map(([groupKey, { route }]) => ({ groupKey, route, alerts: members.get(groupKey) ?? [], channel: null, reason: null }));
    const { sends, held } = await this.plan.plan(manager, notifications, now);
    const told: { alert: Alert; route: MatchedRoute; groupKey: string }[] = [];
    for (const [groupKey, { route, decision }] of due) {
      const result: FlushResult = { reason: decision.reason, sends: sends.filter((send) => send.delivery.groupKey === groupKey), held: held.filter((h) => h.groupKey === groupKey) };
      results.set(groupKey, result);
      const firing = new Set(result.sends.flatMap((send) => send.delivery.alerts.filter((alert) => alert.status === 'firing').map((alert) => alert.fingerprint)));
      for (const alert of (members.get(groupKey) ?? []).filter((member) => firing.has(member.fingerprint))) told.push({ alert, route, groupKey });
    }
    // Escalations start for each firing alert a route's receiver was just told; what a first step sends goes with its group's flush.
    for (const step of await this.escalation.startAll(manager, told, now)) {
      // An alert told in two groups starts one escalation, with the first (as startAll does).
      const groupKey = told.find(({ alert }) => alert.fingerprint === step.state?.fingerprint)?.groupKey;
      if (groupKey) results.get(groupKey)?.sends.push(...step.sends);
    }
    const flushed = [...due.keys()].map((groupKey) => {
      const alerts = members.get(groupKey) ?? [];
      return { groupKey, resolved: alerts.filter((alert) => alert.status === 'resolved').map((alert) => alert.fingerprint), members: alerts.length };
    });
    const closed = await groupStore.dropResolvedAll(manager, flushed);
    // The next flush is the group's flush_at, which the due-work poller watches.
    await groupStore.saveTimings(manager, [...due].filter(([groupKey]) => !closed.has(groupKey)).map(([groupKey, { decision }]) => ({ groupKey, timing: decision.group })));
  }

  /** Counts what committed flushes held back, and logs the flushes that did something. */
  count(flushed: readonly { groupKey: string; result: FlushResult }[]): void {
    for (const { groupKey, result } of flushed) {
      for (const held of result.held) decisions.inc({ app: 'notify', decision: `held-by-${held.stage}`, reason: held.reason });
      if (result.sends.length || result.held.length) {
        this.logger.debug({ msg: 'group flushed', groupKey, reason: result.reason, deliveries: result.sends.length, held: result.held.map((h) => `${h.stage}:${h.reason}`) });
      }
    }
  }
}
