import { anAlert, at, NOW } from '../../testing/notify-fixtures';
import type { Alert } from '../alerts/alert';
import type { EscalationPolicy } from '../routing/routing-config.schema';
import { decideEscalation, EscalationInput, startEscalation } from './decide-escalation';
import { escalationNoticeKey } from './escalation-notice-key';
import type { EscalationState } from './escalation-state';

const MIN = 60;
const policy: EscalationPolicy = {
  name: 'police-then-supervisor',
  steps: [
    { after: 5 * MIN * 1000, notify: ['supervisor'] },
    { after: 10 * MIN * 1000, notify: ['supervisor', 'north-herts-duty'] },
  ],
  repeat: 1,
  progressTimeout: 15 * MIN * 1000,
};
const state = (fields: Partial<EscalationState> = {}): EscalationState => ({
  fingerprint: 'incident:a1',
  policy: policy.name,
  firstLevel: 'police',
  phase: 'escalating',
  level: 0,
  round: 0,
  wakeAt: NOW,
  version: 3,
  lifeVersion: 1,
  acknowledgedBy: null,
  ...fields,
});
const alert = (fields: Partial<Alert> = {}) => anAlert({ version: 4, noticeVersion: 1, ...fields });
const due: EscalationInput = { type: 'due' };

describe('startEscalation', () => {
  it.each<[string, Alert, Partial<EscalationState> | null, string]>([
    ['an unacknowledged alert waits the first step', alert({ version: 1 }), { phase: 'escalating', level: 0, wakeAt: at(5 * MIN), lifeVersion: 1 }, 'policy-started'],
    ['an acknowledged one waits for progress', alert({ version: 1, handling: 'acknowledged' }), { phase: 'acknowledged', wakeAt: at(15 * MIN) }, 'acknowledged'],
    ['one under way needs none', alert({ handling: 'in-progress' }), null, 'already-handled'],
    ['a resolved one needs none', alert({ status: 'resolved', handling: 'done' }), null, 'already-handled'],
  ])('%s', (_case, given, expected, reason) => {
    const decision = startEscalation(given, 'police', policy, NOW);
    expect(decision.reason).toBe(reason);
    expect(decision.notify).toEqual([]);
    if (expected) expect(decision.state).toMatchObject(expected);
    else expect(decision.state).toBeNull();
  });
});

describe('decideEscalation', () => {
  it.each<[string, EscalationState, EscalationInput, Partial<EscalationState>, string[], string]>([
    // notify, wait, notify the next level, repeat
    ['level 0 told, first step due: the supervisor', state(), due, { level: 1, wakeAt: at(10 * MIN), phase: 'escalating' }, ['supervisor'], 'escalated'],
    ['second step due: supervisor and duty officer', state({ level: 1 }), due, { level: 2, round: 0, wakeAt: at(5 * MIN) }, ['supervisor', 'north-herts-duty'], 'escalated'],
    ['after the last level, round again from the police', state({ level: 2 }), due, { level: 0, round: 1, wakeAt: at(5 * MIN) }, ['police'], 'escalated-again'],
    ['the last level of the last round: nothing after', state({ level: 1, round: 1 }), due, { level: 2, wakeAt: null, phase: 'exhausted' }, ['supervisor', 'north-herts-duty'], 'escalated'],
    ['spent', state({ level: 2, round: 1 }), due, { phase: 'exhausted', wakeAt: null }, [], 'exhausted'],
    ['a timer early', state({ wakeAt: at(60) }), due, { level: 0 }, [], 'not-due'],
    ['a timer after progress', state({ phase: 'in-progress', wakeAt: null }), due, { phase: 'in-progress' }, [], 'nothing-due'],
    // acknowledgement stops it; no progress escalates again
    ['acknowledged on the console', state(), { type: 'acknowledge', by: 'op-7', version: 3 }, { phase: 'acknowledged', acknowledgedBy: 'op-7', wakeAt: at(15 * MIN) }, [], 'acknowledged'],
    ['acknowledged by the incident event', state(), { type: 'alert', alert: alert({ handling: 'acknowledged' }) }, { phase: 'acknowledged', version: 4, wakeAt: at(15 * MIN) }, [], 'acknowledged'],
    ['acknowledged, then the progress timeout', state({ phase: 'acknowledged', level: 1, acknowledgedBy: 'op-7' }), due, { phase: 'escalating', level: 2, acknowledgedBy: null, wakeAt: at(5 * MIN) }, ['supervisor', 'north-herts-duty'], 'acknowledged-not-progressed'],
    ['acknowledged at the last level, then the timeout: that level again', state({ phase: 'acknowledged', level: 2, round: 1 }), due, { phase: 'exhausted', level: 2, wakeAt: null }, ['supervisor', 'north-herts-duty'], 'acknowledged-not-progressed'],
    ['started within the timeout', state({ phase: 'acknowledged' }), { type: 'alert', alert: alert({ handling: 'in-progress' }) }, { phase: 'in-progress', wakeAt: null }, [], 'progressed'],
    ['acknowledged twice', state({ phase: 'acknowledged', acknowledgedBy: 'op-7' }), { type: 'acknowledge', by: 'op-9', version: 3 }, { acknowledgedBy: 'op-7' }, [], 'already-acknowledged'],
    // a new call on an acknowledged incident notifies again
    ['a new call while acknowledged tells the level that has it', state({ phase: 'acknowledged', level: 1 }), { type: 'alert', alert: alert({ handling: 'acknowledged', notice: 'new-call', noticeVersion: 4 }) }, { phase: 'acknowledged', version: 4 }, ['supervisor'], 'new-call-while-acknowledged'],
    ['a new call while escalating: the pipeline tells it', state(), { type: 'alert', alert: alert({ notice: 'new-call', noticeVersion: 4 }) }, { phase: 'escalating', version: 4 }, [], 'no-change'],
    ['a note while acknowledged', state({ phase: 'acknowledged' }), { type: 'alert', alert: alert({ handling: 'acknowledged' }) }, { phase: 'acknowledged', version: 4 }, [], 'no-change'],
    // resolve, reopen, and the acknowledge/resolve race
    ['resolved', state(), { type: 'alert', alert: alert({ status: 'resolved', handling: 'done' }) }, { phase: 'resolved', wakeAt: null }, [], 'resolved'],
    ['acknowledged after it resolved', state({ phase: 'resolved', wakeAt: null }), { type: 'acknowledge', by: 'op-7', version: 3 }, { phase: 'resolved' }, [], 'already-resolved'],
    ['an older acknowledgement event after the close', state({ phase: 'resolved', version: 6, wakeAt: null }), { type: 'alert', alert: alert({ version: 5, handling: 'acknowledged' }) }, { phase: 'resolved', version: 6 }, [], 'stale-version'],
    ['reopened', state({ phase: 'resolved', wakeAt: null }), { type: 'alert', alert: alert({ notice: 'incident-reopened', noticeVersion: 4 }) }, { phase: 'escalating', level: 0, round: 0, lifeVersion: 4, wakeAt: at(5 * MIN) }, [], 'reopened'],
    ['an acknowledgement from before the reopening', state({ lifeVersion: 4, version: 4 }), { type: 'acknowledge', by: 'op-7', version: 3 }, { phase: 'escalating' }, [], 'acknowledged-earlier-life'],
    ['a fault ticket reopened while acknowledged', state({ phase: 'acknowledged' }), { type: 'alert', alert: alert({ handling: 'unacknowledged' }) }, { phase: 'escalating', lifeVersion: 4, level: 0 }, [], 'unacknowledged-again'],
  ])('%s', (_case, given, input, expected, notify, reason) => {
    const decision = decideEscalation(given, input, policy, NOW);
    expect(decision).toMatchObject({ reason, notify, state: expected });
  });

  it('ends in the same state whichever of acknowledge and close arrives first', () => {
    const acknowledge: EscalationInput = { type: 'alert', alert: alert({ version: 5, handling: 'acknowledged' }) };
    const close: EscalationInput = { type: 'alert', alert: alert({ version: 6, status: 'resolved', handling: 'done' }) };
    const run = (inputs: EscalationInput[]) => inputs.reduce((s, input) => decideEscalation(s, input, policy, NOW).state as EscalationState, state());
    expect(run([acknowledge, close])).toEqual(run([close, acknowledge]));
    expect(run([close, acknowledge])).toMatchObject({ phase: 'resolved', version: 6 });
  });

  it('keys each level it tells, so a replayed step is found in the log', () => {
    const first = decideEscalation(state(), due, policy, NOW);
    const replay = decideEscalation(state(), due, policy, NOW);
    expect(escalationNoticeKey(first.state as EscalationState, first.reason)).toBe('escalation:incident:a1:life1:round0:level1');
    expect(escalationNoticeKey(replay.state as EscalationState, replay.reason)).toBe(escalationNoticeKey(first.state as EscalationState, first.reason));
  });
});
