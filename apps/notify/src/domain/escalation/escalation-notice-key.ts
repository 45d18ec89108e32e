import type { EscalationState } from './escalation-state';

/** What every group key of one escalation step begins with: one per life, round and level. */
export function escalationStepKey(state: Pick<EscalationState, 'fingerprint' | 'lifeVersion' | 'round' | 'level'>): string {
  return `escalation:${state.fingerprint}:life${state.lifeVersion}:round${state.round}:level${state.level}`;
}

/**
 * The notification log's group key for what escalation tells: one per life, round and level (and
 * per new call), so a replica that restarts mid-escalation and replays a step finds it already
 * logged and does not tell it twice.
 */
export function escalationNoticeKey(state: EscalationState, reason: string): string {
  const detail = reason === 'new-call-while-acknowledged' ? `:v${state.version}` : '';
  return `${escalationStepKey(state)}${detail}`;
}
