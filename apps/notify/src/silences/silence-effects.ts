import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Alert, MatchedRoute, Notification, Silence } from '../domain';
import { DeliverySender } from '../deliveries/delivery-sender';
import { PlanDeliveries } from '../deliveries/plan-deliveries';
import { flushGroupsMatchingNow } from '../groups/flush-groups-matching';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { RoutingInForce } from '../routing/routing-in-force';
import type { SilenceLifecycle } from './silence-lifecycle';

const time = (date: Date) => date.toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });

/**
 * What a silence's end and its reminder do to the rest of notify. At the end, every group holding
 * a firing alert the silence matched is flushed now rather than at its next interval, so what was
 * held back goes at once (the pipeline still holds what another silence or an inhibition holds).
 * The reminder goes to the control-room supervisors' receivers through the same pipeline and log.
 */
@Injectable()
export class SilenceEffects implements SilenceLifecycle {
  private readonly logger = new Logger('SilenceEffects');

  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource,
    private readonly routing: RoutingInForce,
    private readonly plan: PlanDeliveries,
    private readonly sender: DeliverySender,
  ) {}

  async ended(silence: Silence): Promise<void> {
    const groups = await flushGroupsMatchingNow(this.dataSource.manager, silence.matchers, new Date());
    this.logger.log({ msg: 'silence over: its groups go out now', silence: silence.id, groups });
  }

  async reminderDue(silence: Silence): Promise<void> {
    const tree = this.routing.current()?.tree;
    const supervisors = tree ? [...tree.receivers.values()].filter((receiver) => receiver.role === 'control-room-supervisor') : [];
    if (supervisors.length === 0) {
      this.logger.warn({ msg: 'silence ends soon, and no control-room supervisor receiver is in the rules to remind', silence: silence.id });
      return;
    }
    const now = new Date();
    const reminder: Alert = {
      fingerprint: `silence:${silence.id}`,
      labels: { kind: 'supervision', state: 'silence-ending' },
      status: 'firing',
      handling: 'unacknowledged',
      version: silence.endsAt.getTime(),
      noticeVersion: silence.endsAt.getTime(),
      notice: 'silence-ends-soon',
      reference: `Silence by ${silence.createdBy}`,
      summary: `Silence "${silence.comment}" ends at ${time(silence.endsAt)}; what it holds back will then be sent`,
      startsAt: silence.startsAt,
      endsAt: null,
      tetraEmergency: false,
    };
    const notifications: Notification[] = supervisors.map((receiver) => {
      const route: MatchedRoute = { rule: 'silence-reminder', path: ['silence-reminder'], receiver, groupBy: ['...'], groupWaitMs: 0, groupIntervalMs: 0, repeatIntervalMs: Number.POSITIVE_INFINITY, escalation: null };
      return { groupKey: `silence-reminder:${silence.id}:${silence.endsAt.toISOString()}:${receiver.name}`, route, alerts: [reminder], channel: null, reason: null };
    });
    const { sends } = await this.dataSource.transaction((manager) => this.plan.plan(manager, notifications, now));
    this.sender.sendSoon(sends);
  }
}
