import type { EscalationPolicy } from '../routing/routing-config.schema';
import type { EscalationState } from './escalation-state';

/** Who each level tells: the route's receiver, then each step's receivers. */
export function levelReceivers(state: Pick<EscalationState, 'firstLevel'>, policy: EscalationPolicy, level: number): readonly string[] {
  return level === 0 ? [state.firstLevel] : policy.steps[level - 1].notify;
}

/** The level after `level`, going round again while rounds remain; null when the policy is spent. */
export function nextLevel(policy: EscalationPolicy, level: number, round: number): { level: number; round: number } | null {
  if (level < policy.steps.length) return { level: level + 1, round };
  return round < policy.repeat ? { level: 0, round: round + 1 } : null;
}

/** How long to wait before telling `level`: its step's `after`, and a new round the first step's. */
export function waitBefore(policy: EscalationPolicy, level: number): number {
  return level === 0 ? policy.steps[0].after : policy.steps[level - 1].after;
}

/**
 * The level the escalation's timer tells when it falls due: escalating, the next level (null when
 * the policy is spent); acknowledged but not progressed, one level past where it stopped; otherwise
 * nobody. One rule for decideEscalation and for what the console says happens next.
 */
export function dueLevel(state: Pick<EscalationState, 'phase' | 'level' | 'round' | 'wakeAt'>, policy: EscalationPolicy): { level: number; round: number } | null {
  if (state.wakeAt === null) return null;
  if (state.phase === 'acknowledged') return { level: Math.min(state.level + 1, policy.steps.length), round: state.round };
  return state.phase === 'escalating' ? nextLevel(policy, state.level, state.round) : null;
}
