import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decisions } from '@vigil/observability';
import { Alert, decideFlush, Held } from '../domain';
import { DeliverySender } from '../deliveries/delivery-sender';
import { PlanDeliveries, PlannedSend } from '../deliveries/plan-deliveries';
import { EscalationSteps } from '../escalations/escalation-steps';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { RoutingInForce } from '../routing/routing-in-force';
import { groupStore, StoredGroup } from './group-store';
import { routeInForce } from './route-in-force';

/** A group this transaction has just created for one alert: its row and its one member are known without reading them back. */
export interface NewGroup {
  group: StoredGroup;
  member: Alert;
}

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

  /** Flushes the group in a transaction of its own (the due-work poller), then sends what it planned. */
  async execute(groupKey: string): Promise<FlushResult> {
    const now = new Date();
    const result = await this.dataSource.transaction((manager) => this.flushIn(manager, groupKey, now));
    this.afterCommit(groupKey, result);
    return result;
  }

  /**
   * Flushes inside the caller's transaction (an event whose group is due at once is taken and
   * flushed in one commit); the caller sends `sends` once it has committed, by {@link afterCommit}.
   */
  async flushIn(manager: EntityManager, groupKey: string, now: Date, created?: NewGroup): Promise<FlushResult> {
    const group = created?.group ?? (await groupStore.lock(manager, groupKey));
    if (!group) return { reason: 'group-closed', sends: [], held: [] };
    const route = routeInForce(this.routing.current()?.tree, group.route);
    const decision = decideFlush(group.timing, route, now);
    if (!decision.flush) return { reason: decision.reason, sends: [], held: [] };
    const alerts = created ? [created.member] : await groupStore.members(manager, groupKey);
    const { sends, held } = await this.plan.plan(manager, [{ groupKey, route, alerts, channel: null, reason: null }], now);
    const told = new Set(sends.flatMap((send) => send.delivery.alerts.filter((alert) => alert.status === 'firing').map((alert) => alert.fingerprint)));
    for (const alert of alerts.filter((member) => told.has(member.fingerprint))) {
      const step = await this.escalation.start(manager, alert, route, now);
      if (step) sends.push(...step.sends);
    }
    const closed = await groupStore.dropResolved(manager, groupKey, alerts.filter((alert) => alert.status === 'resolved').map((alert) => alert.fingerprint), alerts.length);
    // The next flush is the group's flush_at, which the due-work poller watches.
    if (!closed) await groupStore.saveTiming(manager, groupKey, decision.group);
    return { reason: decision.reason, sends, held };
  }

  /** Sends what a committed flush planned, and counts what it held back. */
  afterCommit(groupKey: string, result: FlushResult): void {
    this.sender.sendSoon(result.sends);
    for (const held of result.held) decisions.inc({ app: 'notify', decision: `held-by-${held.stage}`, reason: held.reason });
    if (result.sends.length || result.held.length) {
      this.logger.debug({ msg: 'group flushed', groupKey, reason: result.reason, deliveries: result.sends.length, held: result.held.map((h) => `${h.stage}:${h.reason}`) });
    }
  }
}
