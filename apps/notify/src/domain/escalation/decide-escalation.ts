import type { Alert } from '../alerts/alert';
import type { EscalationPolicy } from '../routing/routing-config.schema';
import { dueLevel, levelReceivers, nextLevel, waitBefore } from './escalation-levels';
import type { EscalationDecision, EscalationReason, EscalationState } from './escalation-state';

/** What can move an escalation: its timer, a newer state of the alert, or someone acknowledging on the console or a signed link. */
export type EscalationInput = { type: 'due' } | { type: 'alert'; alert: Alert } | { type: 'acknowledge'; by: string; version: number };

const at = (now: Date, ms: number) => new Date(now.getTime() + ms);
const keep = (state: EscalationState, reason: EscalationReason): EscalationDecision => ({ state, notify: [], reason });

/**
 * Starts escalation once the route's receiver has been told: the next level waits the first
 * step's `after`. An alert already acknowledged waits for progress instead; one already under way
 * or over needs none.
 */
export function startEscalation(alert: Alert, firstLevel: string, policy: EscalationPolicy, now: Date): EscalationDecision {
  if (alert.status === 'resolved' || alert.handling === 'in-progress' || alert.handling === 'done') return { state: null, notify: [], reason: 'already-handled' };
  const acknowledged = alert.handling === 'acknowledged';
  const state: EscalationState = {
    fingerprint: alert.fingerprint,
    policy: policy.name,
    firstLevel,
    phase: acknowledged ? 'acknowledged' : 'escalating',
    level: 0,
    round: 0,
    wakeAt: at(now, acknowledged ? policy.progressTimeout : waitBefore(policy, 1)),
    version: alert.version,
    lifeVersion: alert.version,
    acknowledgedBy: null,
  };
  return { state, notify: [], reason: acknowledged ? 'acknowledged' : 'policy-started' };
}

/**
 * The escalation state machine. Acknowledge and resolve cannot race: every alert input carries the
 * producer's version and a stale one is dropped, resolved is final until a newer version reopens,
 * and an acknowledgement on a resolved alert, or from before a reopening, changes nothing; so the
 * same inputs in any order end in the same state.
 */
export function decideEscalation(state: EscalationState, input: EscalationInput, policy: EscalationPolicy, now: Date): EscalationDecision {
  switch (input.type) {
    case 'due':
      return onDue(state, policy, now);
    case 'alert':
      return onAlert(state, input.alert, policy, now);
    case 'acknowledge':
      return onAcknowledge(state, input.by, input.version, policy, now);
  }
}

function onDue(state: EscalationState, policy: EscalationPolicy, now: Date): EscalationDecision {
  if (state.wakeAt === null || (state.phase !== 'escalating' && state.phase !== 'acknowledged')) return keep(state, 'nothing-due');
  if (now < state.wakeAt) return keep(state, 'not-due');
  const target = dueLevel(state, policy);
  if (!target) return keep({ ...state, phase: 'exhausted', wakeAt: null }, 'exhausted');
  if (state.phase === 'acknowledged') return tell({ ...state, phase: 'escalating', acknowledgedBy: null }, target, policy, now, 'acknowledged-not-progressed');
  return tell(state, target, policy, now, target.round > state.round ? 'escalated-again' : 'escalated');
}

/** Tells a level and sets the timer for the one after (or none, when it was the last). */
function tell(state: EscalationState, target: { level: number; round: number }, policy: EscalationPolicy, now: Date, reason: EscalationReason): EscalationDecision {
  const after = nextLevel(policy, target.level, target.round);
  const wakeAt = after ? at(now, waitBefore(policy, after.level)) : null;
  const next: EscalationState = { ...state, ...target, wakeAt, phase: after ? 'escalating' : 'exhausted' };
  return { state: next, notify: levelReceivers(state, policy, target.level), reason };
}

function onAlert(state: EscalationState, alert: Alert, policy: EscalationPolicy, now: Date): EscalationDecision {
  if (alert.version <= state.version) return keep(state, 'stale-version');
  const seen = { ...state, version: alert.version };
  if (alert.status === 'resolved') return keep({ ...seen, phase: 'resolved', wakeAt: null }, 'resolved');
  if (state.phase === 'resolved') return restart(seen, alert, policy, now, 'reopened');
  if (alert.handling === 'in-progress') return keep({ ...seen, phase: 'in-progress', wakeAt: null }, 'progressed');
  const acknowledged = state.phase === 'acknowledged' || state.phase === 'in-progress';
  if (alert.handling === 'acknowledged' && !acknowledged) return keep({ ...seen, phase: 'acknowledged', wakeAt: at(now, policy.progressTimeout) }, 'acknowledged');
  if (alert.handling === 'unacknowledged' && acknowledged) return restart(seen, alert, policy, now, 'unacknowledged-again');
  if (acknowledged && alert.notice === 'new-call' && alert.noticeVersion > state.version) {
    return { state: seen, notify: levelReceivers(state, policy, state.level), reason: 'new-call-while-acknowledged' };
  }
  return keep(seen, 'no-change');
}

/** Back to level 0 (which the pipeline tells, as it tells any news), the next level one first-step wait away. */
function restart(state: EscalationState, alert: Alert, policy: EscalationPolicy, now: Date, reason: EscalationReason): EscalationDecision {
  const fresh: EscalationState = { ...state, phase: 'escalating', level: 0, round: 0, wakeAt: at(now, waitBefore(policy, 1)), lifeVersion: alert.version, acknowledgedBy: null };
  return keep(fresh, reason);
}

function onAcknowledge(state: EscalationState, by: string, version: number, policy: EscalationPolicy, now: Date): EscalationDecision {
  if (state.phase === 'resolved') return keep(state, 'already-resolved');
  if (version < state.lifeVersion) return keep(state, 'acknowledged-earlier-life');
  if (state.phase === 'acknowledged' || state.phase === 'in-progress') return keep(state, 'already-acknowledged');
  return keep({ ...state, phase: 'acknowledged', acknowledgedBy: by, wakeAt: at(now, policy.progressTimeout) }, 'acknowledged');
}
