import { decideTransition, IncidentStatus, TransitionDecision } from './incident-state-machine';
import { LIFECYCLE_COMMAND_NAMES, LifecycleCommandName } from './lifecycle-command';

const ok = (status: IncidentStatus): TransitionDecision => ({ allowed: true, status });
const no = (reason: string): TransitionDecision => ({ allowed: false, reason } as TransitionDecision);

describe('decideTransition', () => {
  it.each<[IncidentStatus, LifecycleCommandName, TransitionDecision]>([
    ['open', 'acknowledge', ok('acknowledged')],
    ['acknowledged', 'acknowledge', no('already-acknowledged')],
    ['in-progress', 'acknowledge', no('already-acknowledged')],
    ['closed', 'acknowledge', no('incident-closed')],
    ['open', 'start', no('not-acknowledged')],
    ['acknowledged', 'start', ok('in-progress')],
    ['in-progress', 'start', no('already-in-progress')],
    ['closed', 'start', no('incident-closed')],
    ['open', 'close', no('not-acknowledged')],
    ['acknowledged', 'close', ok('closed')],
    ['in-progress', 'close', ok('closed')],
    ['closed', 'close', no('already-closed')],
    ['open', 'reopen', no('not-closed')],
    ['in-progress', 'reopen', no('not-closed')],
    ['closed', 'reopen', ok('acknowledged')],
    ['closed', 'notes', ok('closed')],
    ['open', 'notes', ok('open')],
    ['closed', 'police-reference', ok('closed')],
    ['in-progress', 'police-reference', ok('in-progress')],
    ['open', 'assign', ok('open')],
    ['acknowledged', 'regrade', ok('acknowledged')],
    ['in-progress', 'reclassify', ok('in-progress')],
    ['open', 'locate', ok('open')],
    ['acknowledged', 'monitoring', ok('acknowledged')],
    ['in-progress', 'merge', ok('in-progress')],
    ['open', 'split', ok('open')],
    ['closed', 'assign', no('incident-closed')],
    ['closed', 'regrade', no('incident-closed')],
    ['closed', 'reclassify', no('incident-closed')],
    ['closed', 'locate', no('incident-closed')],
    ['closed', 'thrive', no('incident-closed')],
    ['closed', 'cameras', no('incident-closed')],
    ['closed', 'monitoring', no('incident-closed')],
    ['closed', 'merge', no('incident-closed')],
    ['closed', 'split', no('incident-closed')],
  ])('%s + %s → %j', (status, command, expected) => {
    expect(decideTransition({ status, mergedInto: null }, command)).toEqual(expected);
  });

  it('keeps an incident merged into another closed: its calls are gone', () => {
    expect(decideTransition({ status: 'closed', mergedInto: '5f0c5d6e-8a7c-4f5e-9a53-0e0b4b8f3c11' }, 'reopen')).toEqual(no('merged-away'));
  });

  it.each(LIFECYCLE_COMMAND_NAMES)('never moves a live incident backwards or a closed one anywhere but acknowledged: %s', (command) => {
    for (const status of ['open', 'acknowledged', 'in-progress', 'closed'] as const) {
      const decision = decideTransition({ status, mergedInto: null }, command);
      if (!decision.allowed || decision.status === status) continue;
      expect([
        ['open', 'acknowledged'],
        ['acknowledged', 'in-progress'],
        ['acknowledged', 'closed'],
        ['in-progress', 'closed'],
        ['closed', 'acknowledged'],
      ]).toContainEqual([status, decision.status]);
    }
  });
});
