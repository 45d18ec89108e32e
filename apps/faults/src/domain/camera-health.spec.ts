import { CameraHealthState, HealthInput, HealthReason, HealthTransition, nextHealthCheckAt, stepCameraHealth, UNHEARD_CAMERA } from './camera-health';
import { DEFAULT_HEALTH_POLICY, HealthPolicy } from './health-policy';

// Short numbers keep the tables readable: debounce 30 s (video) / 60 s (tamper), heartbeats every 30 s with a grace of 3, 3 onsets in 10 min flap.
const policy: HealthPolicy = DEFAULT_HEALTH_POLICY;
const s = 1_000;

type Step = [at: number, input: HealthInput['kind'], from?: 'video-loss' | 'tamper'];

/** Runs a script of inputs, each at its time (a tick's time is `now`), and collects every transition. */
function run(script: Step[], start: CameraHealthState = { ...UNHEARD_CAMERA, lastHeartbeatAt: 0 }) {
  let state = start;
  const transitions: HealthTransition[] = [];
  let reason: HealthReason = 'nothing-due';
  for (const [at, kind, from] of script) {
    const input = (kind === 'tick' ? { kind } : kind === 'recovered' ? { kind, at, from: from ?? 'video-loss' } : { kind, at }) as HealthInput;
    const result = stepCameraHealth(state, input, at, policy);
    state = result.state;
    reason = result.reason;
    transitions.push(...result.transitions);
  }
  return { state, transitions, reason };
}

describe('stepCameraHealth: debounce', () => {
  it.each<[string, Step[], HealthTransition['kind'][], HealthReason]>([
    ['video loss that persists past the debounce goes down once', [[10 * s, 'video-loss'], [30 * s, 'tick'], [40 * s, 'tick'], [50 * s, 'tick']], ['went-down'], 'nothing-due'],
    ['video loss still inside the debounce is only pending', [[10 * s, 'video-loss'], [39 * s, 'tick']], [], 'nothing-due'],
    ['a recovery inside the debounce opens nothing', [[10 * s, 'video-loss'], [25 * s, 'recovered'], [60 * s, 'tick']], [], 'nothing-due'],
    ['a recovery after the fault came up is announced', [[10 * s, 'video-loss'], [40 * s, 'tick'], [70 * s, 'recovered']], ['went-down', 'came-up'], 'recovered'],
    ['tamper waits its own, longer debounce', [[10 * s, 'tamper'], [45 * s, 'tick']], [], 'nothing-due'],
    ['tamper past its debounce goes down', [[10 * s, 'tamper'], [70 * s, 'tick']], ['went-down'], 'persisted-past-debounce'],
    ['a second loss while pending changes nothing', [[10 * s, 'video-loss'], [20 * s, 'video-loss']], [], 'already-pending'],
    ['a loss while down changes nothing', [[10 * s, 'video-loss'], [40 * s, 'tick'], [50 * s, 'video-loss']], ['went-down'], 'already-down'],
    ['a recovery of another problem recovers nothing', [[10 * s, 'video-loss'], [20 * s, 'recovered', 'tamper']], [], 'nothing-to-recover'],
    ['a recovery older than the loss is a late copy of an earlier one', [[10 * s, 'video-loss'], [5 * s, 'recovered']], [], 'stale-recovery'],
  ])('%s', (_what, script, expected, lastReason) => {
    const result = run(script);
    expect(result.transitions.map((t) => t.kind)).toEqual(expected);
    expect(result.reason).toBe(lastReason);
  });

  it('dates the fault from the signal, not from the tick that confirmed it', () => {
    expect(run([[10 * s, 'video-loss'], [45 * s, 'tick']]).transitions).toEqual([{ kind: 'went-down', problem: 'video-loss', since: 10 * s }]);
  });
});

describe('stepCameraHealth: heartbeats', () => {
  it.each<[string, Step[], CameraHealthState, HealthTransition['kind'][], HealthReason]>([
    ['a camera never heard is not supervised', [[10 * 60 * s, 'tick']], UNHEARD_CAMERA, [], 'nothing-due'],
    ['silent for interval × grace is still up', [[90 * s, 'tick']], { ...UNHEARD_CAMERA, lastHeartbeatAt: 0 }, [], 'nothing-due'],
    ['silent past interval × grace is down', [[91 * s, 'tick']], { ...UNHEARD_CAMERA, lastHeartbeatAt: 0 }, ['went-down'], 'heartbeat-missed'],
    ['heard again after going down comes up', [[91 * s, 'tick'], [120 * s, 'heartbeat']], { ...UNHEARD_CAMERA, lastHeartbeatAt: 0 }, ['went-down', 'came-up'], 'heartbeat-resumed'],
    ['a heartbeat keeps it up', [[60 * s, 'heartbeat'], [140 * s, 'tick']], { ...UNHEARD_CAMERA, lastHeartbeatAt: 0 }, [], 'nothing-due'],
    ['a late, older heartbeat does not move last-heard back', [[60 * s, 'heartbeat'], [30 * s, 'heartbeat'], [140 * s, 'tick']], { ...UNHEARD_CAMERA, lastHeartbeatAt: 0 }, [], 'nothing-due'],
    ['a missed heartbeat overrides pending video loss', [[10 * s, 'video-loss'], [20 * s, 'recovered'], [25 * s, 'video-loss'], [91 * s, 'tick']], { ...UNHEARD_CAMERA, lastHeartbeatAt: 0 }, ['went-down'], 'heartbeat-missed'],
    ['video loss on a camera down for heartbeats adds nothing', [[91 * s, 'tick'], [100 * s, 'video-loss']], { ...UNHEARD_CAMERA, lastHeartbeatAt: 0 }, ['went-down'], 'already-down'],
  ])('%s', (_what, script, start, expected, lastReason) => {
    const result = run(script, start);
    expect(result.transitions.map((t) => t.kind)).toEqual(expected);
    expect(result.reason).toBe(lastReason);
  });

  it('dates a heartbeat fault from the last heartbeat heard', () => {
    expect(run([[50 * s, 'heartbeat'], [141 * s, 'tick']]).transitions).toEqual([{ kind: 'went-down', problem: 'no-heartbeat', since: 50 * s }]);
  });
});

describe('stepCameraHealth: flapping', () => {
  const flap = (start: number): Step[] => [
    [start, 'video-loss'],
    [start + 5 * s, 'recovered'],
  ];

  it.each<[string, Step[], HealthTransition['kind'][], HealthReason]>([
    ['two blips in the window are two debounced nothings', [...flap(0), ...flap(60 * s)], [], 'recovered-inside-debounce'],
    ['the third onset in the window is flapping: one fault at once', [...flap(0), ...flap(60 * s), [120 * s, 'video-loss']], ['started-flapping'], 'started-flapping'],
    [
      'ten flaps make one fault, not ten',
      Array.from({ length: 10 }, (_, i) => flap(i * 60 * s)).flat(),
      ['started-flapping'],
      'flapping-suppressed',
    ],
    ['onsets further apart than the window never flap', [...flap(0), ...flap(601 * s), ...flap(1202 * s)], [], 'recovered-inside-debounce'],
    [
      'quiet for the quiet time ends flapping',
      [...flap(0), ...flap(60 * s), ...flap(120 * s), [120 * s + 900 * s, 'tick']],
      ['started-flapping', 'stopped-flapping'],
      'stopped-flapping',
    ],
    [
      'a loss that persists through flapping is confirmed once flapping ends',
      [...flap(0), ...flap(60 * s), [120 * s, 'video-loss'], [200 * s, 'tick'], [1020 * s, 'tick'], [1021 * s, 'tick']],
      ['started-flapping', 'stopped-flapping', 'went-down'],
      'persisted-past-debounce',
    ],
  ])('%s', (_what, script, expected, lastReason) => {
    // Unheard, so that no heartbeat grace runs out over the long scripts.
    const result = run(script, UNHEARD_CAMERA);
    expect(result.transitions.map((t) => t.kind)).toEqual(expected);
    expect(result.reason).toBe(lastReason);
  });

  it('dates the end of flapping by the quiet time, whenever the tick comes', () => {
    const script: Step[] = [...flap(0), ...flap(60 * s), ...flap(120 * s), [120 * s + 950 * s, 'tick']];
    expect(run(script, UNHEARD_CAMERA).transitions[1]).toEqual({ kind: 'stopped-flapping', at: 120 * s + 900 * s });
  });

  it('says how many onsets made it flap and since when', () => {
    expect(run([...flap(0), ...flap(60 * s), [120 * s, 'video-loss']]).transitions).toEqual([{ kind: 'started-flapping', problem: 'video-loss', since: 0, at: 120 * s, onsets: 3 }]);
  });
});

describe('nextHealthCheckAt', () => {
  it.each<[string, CameraHealthState, number | null]>([
    ['unheard and well: nothing is due', UNHEARD_CAMERA, null],
    ['heard: the end of its heartbeat grace', { ...UNHEARD_CAMERA, lastHeartbeatAt: 0 }, 90 * s + 1],
    ['pending video loss: the end of the debounce, if sooner', { ...UNHEARD_CAMERA, lastHeartbeatAt: 0, condition: 'pending', problem: 'video-loss', problemSince: 10 * s, onsets: [10 * s] }, 40 * s],
    ['down for heartbeats: nothing until a signal', { ...UNHEARD_CAMERA, lastHeartbeatAt: 0, condition: 'down', problem: 'no-heartbeat', problemSince: 0 }, null],
    ['flapping and down: the end of the quiet time', { ...UNHEARD_CAMERA, condition: 'down', problem: 'video-loss', problemSince: 5 * s, onsets: [0, 5 * s], flapping: true }, 905 * s],
  ])('%s', (_what, state, expected) => {
    expect(nextHealthCheckAt(state, policy)).toBe(expected);
  });
});
