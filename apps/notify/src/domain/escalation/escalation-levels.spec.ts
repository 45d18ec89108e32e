import type { EscalationPolicy } from '../routing/routing-config.schema';
import { dueLevel, levelReceivers } from './escalation-levels';
import type { EscalationState } from './escalation-state';

const policy: EscalationPolicy = {
  name: 'police-then-supervisor',
  steps: [
    { after: 300_000, notify: ['supervisor'] },
    { after: 600_000, notify: ['supervisor', 'duty-manager'] },
  ],
  repeat: 1,
  progressTimeout: 900_000,
};
const wakeAt = new Date('2026-03-04T03:27:00.000Z');

describe('levelReceivers', () => {
  it.each([
    [0, ['police']],
    [1, ['supervisor']],
    [2, ['supervisor', 'duty-manager']],
  ])('level %i tells %j', (level, receivers) => expect(levelReceivers({ firstLevel: 'police' }, policy, level)).toEqual(receivers));
});

describe('dueLevel', () => {
  it.each<[string, Pick<EscalationState, 'phase' | 'level' | 'round' | 'wakeAt'>, { level: number; round: number } | null]>([
    ['escalating from the first level: the first step', { phase: 'escalating', level: 0, round: 0, wakeAt }, { level: 1, round: 0 }],
    ['escalating from the last level with a round left: the first level again', { phase: 'escalating', level: 2, round: 0, wakeAt }, { level: 0, round: 1 }],
    ['escalating from the last level of the last round: nobody', { phase: 'escalating', level: 2, round: 1, wakeAt }, null],
    ['acknowledged, not progressed: one past where it stopped', { phase: 'acknowledged', level: 0, round: 0, wakeAt }, { level: 1, round: 0 }],
    ['acknowledged at the last level: the last level again', { phase: 'acknowledged', level: 2, round: 1, wakeAt }, { level: 2, round: 1 }],
    ['no timer: nobody', { phase: 'acknowledged', level: 0, round: 0, wakeAt: null }, null],
    ['in progress: nobody', { phase: 'in-progress', level: 1, round: 0, wakeAt: null }, null],
    ['exhausted: nobody', { phase: 'exhausted', level: 2, round: 1, wakeAt: null }, null],
  ])('%s', (_case, state, expected) => expect(dueLevel(state, policy)).toEqual(expected));
});
