import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { decisions } from '@vigil/observability';
import { AppTimers, timersToken } from '@vigil/timers';
import { Alert, decideEscalation, EscalationDecision, EscalationInput, escalationNotifications, EscalationState, MatchedRoute, startEscalation } from '../domain';
import { PlanDeliveries, PlannedSend } from '../deliveries/plan-deliveries';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { NOTIFY_TIMERS } from '../notify-timers';
import { RoutingInForce } from '../routing/routing-in-force';
import { escalationStore } from './escalation-store';

/** What moving an escalation came to: why, where it now stands, and what it tells (sent once the transaction commits). */
export interface EscalationStep {
  reason: string;
  state: EscalationState | null;
  sends: PlannedSend[];
}

/**
 * Applies the escalation state machine inside the caller's transaction: keeps the new state and its
 * timer (the next step, or the progress timeout) together, and plans what a step tells through the
 * same pipeline as everything else, keyed per step so a replayed step finds itself in the log.
 */
@Injectable()
export class EscalationSteps {
  private readonly logger = new Logger('Escalation');

  constructor(
    @Inject(timersToken(NOTIFY_SCHEMA)) private readonly timers: AppTimers,
    private readonly routing: RoutingInForce,
    private readonly plan: PlanDeliveries,
  ) {}

  /** Once the route's receiver was told: level 0 is done, the next level waits its step. An alert already escalating keeps its own. */
  async start(manager: EntityManager, alert: Alert, route: MatchedRoute, now: Date): Promise<EscalationStep | null> {
    if (!route.escalation) return null;
    if (await escalationStore.lock(manager, alert.fingerprint)) return null;
    const decision = startEscalation(alert, route.receiver.name, route.escalation, now);
    return this.keep(manager, alert, decision, now);
  }

  /** Moves the alert's escalation, if it has one, by its timer, a newer alert state or an acknowledgement. */
  async move(manager: EntityManager, alert: Alert, input: EscalationInput, now: Date): Promise<EscalationStep | null> {
    const state = await escalationStore.lock(manager, alert.fingerprint);
    if (!state) return null;
    const policy = this.routing.current()?.tree.escalationPolicies.get(state.policy);
    if (!policy) {
      // The supervisor removed the policy: nothing more to do, said once in the log, and the timer stops.
      await this.timers.cancel(NOTIFY_TIMERS.escalation, alert.fingerprint, { manager });
      await escalationStore.save(manager, { ...state, phase: 'exhausted', wakeAt: null }, now);
      this.logger.warn({ msg: 'escalation stopped: its policy is no longer in the rules', fingerprint: alert.fingerprint, policy: state.policy });
      return { reason: 'policy-removed', state: null, sends: [] };
    }
    return this.keep(manager, alert, decideEscalation(state, input, policy, now), now);
  }

  private async keep(manager: EntityManager, alert: Alert, decision: EscalationDecision, now: Date): Promise<EscalationStep> {
    const { state } = decision;
    decisions.inc({ app: 'notify', decision: 'escalation', reason: decision.reason });
    if (!state) return { reason: decision.reason, state: null, sends: [] };
    await escalationStore.save(manager, state, now);
    if (state.wakeAt) await this.timers.schedule(NOTIFY_TIMERS.escalation, state.fingerprint, state.wakeAt, null, { manager });
    else await this.timers.cancel(NOTIFY_TIMERS.escalation, state.fingerprint, { manager });
    const tree = this.routing.current()?.tree;
    if (decision.notify.length === 0 || !tree) return { reason: decision.reason, state, sends: [] };
    const notifications = escalationNotifications({ ...decision, state }, alert, tree);
    const { sends } = await this.plan.plan(manager, notifications, now);
    this.logger.log({ msg: 'escalation step', fingerprint: state.fingerprint, reason: decision.reason, level: state.level, round: state.round, receivers: decision.notify, deliveries: sends.length });
    return { reason: decision.reason, state, sends };
  }
}
