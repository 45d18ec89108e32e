import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { decisions } from '@vigil/observability';
import { AppTimers, timersToken } from '@vigil/timers';
import { Alert, decideEscalation, EscalationDecision, EscalationInput, escalationNotifications, EscalationPolicy, EscalationState, MatchedRoute, startEscalation } from '../domain';
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

  /**
   * Once the routes' receivers were told: level 0 is done, the next level waits its step. An alert
   * already escalating keeps its own, and an alert told on two routes in one flush starts once (the
   * first). All of them in a fixed number of statements: a burst of grade 1 incidents is one batch.
   */
  async startAll(manager: EntityManager, told: readonly { alert: Alert; route: MatchedRoute }[], now: Date): Promise<EscalationStep[]> {
    const firstPerAlert = new Map<string, { alert: Alert; policy: EscalationPolicy; firstLevel: string }>();
    for (const { alert, route } of told) {
      if (route.escalation && !firstPerAlert.has(alert.fingerprint)) firstPerAlert.set(alert.fingerprint, { alert, policy: route.escalation, firstLevel: route.receiver.name });
    }
    if (firstPerAlert.size === 0) return [];
    const escalating = await escalationStore.lockWhichExist(manager, [...firstPerAlert.keys()]);
    const decided = [...firstPerAlert.values()]
      .filter(({ alert }) => !escalating.has(alert.fingerprint))
      .map(({ alert, policy, firstLevel }) => ({ alert, decision: startEscalation(alert, firstLevel, policy, now) }));
    return this.keepAll(manager, decided, now);
  }

  /** Moves the alert's escalation, if it has one, by its timer, a newer alert state or an acknowledgement. */
  async move(manager: EntityManager, alert: Alert, input: EscalationInput, now: Date): Promise<EscalationStep | null> {
    const state = await escalationStore.lock(manager, alert.fingerprint);
    if (!state) return null;
    const policy = this.routing.current()?.tree.escalationPolicies.get(state.policy);
    if (!policy) {
      // The supervisor removed the policy: nothing more to do, said once in the log, and the timer stops.
      await this.timers.cancel(NOTIFY_TIMERS.escalation, alert.fingerprint, { manager });
      await escalationStore.saveAll(manager, [{ ...state, phase: 'exhausted', wakeAt: null }], now);
      this.logger.warn({ msg: 'escalation stopped: its policy is no longer in the rules', fingerprint: alert.fingerprint, policy: state.policy });
      return { reason: 'policy-removed', state: null, sends: [] };
    }
    return this.keep(manager, alert, decideEscalation(state, input, policy, now), now);
  }

  private async keep(manager: EntityManager, alert: Alert, decision: EscalationDecision, now: Date): Promise<EscalationStep> {
    const [step] = await this.keepAll(manager, [{ alert, decision }], now);
    return step;
  }

  /** Keeps the new states and their timers (the next step, or the progress timeout) together, and plans what a step tells. */
  private async keepAll(manager: EntityManager, decided: readonly { alert: Alert; decision: EscalationDecision }[], now: Date): Promise<EscalationStep[]> {
    for (const { decision } of decided) decisions.inc({ app: 'notify', decision: 'escalation', reason: decision.reason });
    const states = decided.flatMap(({ decision }) => (decision.state ? [decision.state] : []));
    await escalationStore.saveAll(manager, states, now);
    await this.timers.scheduleAll(NOTIFY_TIMERS.escalation, states.flatMap((state) => (state.wakeAt ? [{ key: state.fingerprint, dueAt: state.wakeAt }] : [])), { manager });
    for (const state of states.filter((s) => !s.wakeAt)) await this.timers.cancel(NOTIFY_TIMERS.escalation, state.fingerprint, { manager });
    const tree = this.routing.current()?.tree;
    const steps: EscalationStep[] = [];
    for (const { alert, decision } of decided) {
      const { state } = decision;
      if (!state || decision.notify.length === 0 || !tree) {
        steps.push({ reason: decision.reason, state, sends: [] });
        continue;
      }
      // A step that tells someone now is rare on a hot path (a first wait of 0): planned alert by alert.
      const { sends } = await this.plan.plan(manager, escalationNotifications({ ...decision, state }, alert, tree), now);
      this.logger.log({ msg: 'escalation step', fingerprint: state.fingerprint, reason: decision.reason, level: state.level, round: state.round, receivers: decision.notify, deliveries: sends.length });
      steps.push({ reason: decision.reason, state, sends });
    }
    return steps;
  }
}
