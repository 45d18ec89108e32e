import { HealthPolicy } from './health-policy';

/** What can be wrong with a camera as its signals tell it. */
export type HealthProblem = 'video-loss' | 'tamper' | 'no-heartbeat';

/**
 * One camera's health as the watchdog keeps it in memory: `pending` is a problem inside its
 * debounce (nothing written yet), `down` a confirmed one. Times are epoch milliseconds.
 */
export interface CameraHealthState {
  condition: 'up' | 'pending' | 'down';
  problem: HealthProblem | null;
  /** When the current problem began (the signal's own time, or the last heartbeat heard). */
  problemSince: number | null;
  /** Null until the first heartbeat: a camera is supervised once it has been heard. */
  lastHeartbeatAt: number | null;
  /** Problem onsets inside the flap window, oldest first. */
  onsets: readonly number[];
  flapping: boolean;
}

/** A camera the watchdog has not heard from yet. */
export const UNHEARD_CAMERA: CameraHealthState = { condition: 'up', problem: null, problemSince: null, lastHeartbeatAt: null, onsets: [], flapping: false };

/** A signal from the VMS (at = its occurredAt), or `tick`: time passed, so debounces and heartbeat grace are checked. */
export type HealthInput =
  | { kind: 'heartbeat'; at: number }
  | { kind: 'video-loss'; at: number }
  | { kind: 'tamper'; at: number }
  | { kind: 'recovered'; at: number; from: 'video-loss' | 'tamper' }
  | { kind: 'tick' };

/** What the watchdog writes: only these reach the database, never a heartbeat or a debounced blip. */
export type HealthTransition =
  | { kind: 'went-down'; problem: HealthProblem; since: number }
  | { kind: 'came-up'; problem: HealthProblem; at: number }
  | { kind: 'started-flapping'; problem: HealthProblem; since: number; at: number; onsets: number }
  | { kind: 'stopped-flapping'; at: number };

/** Why the step went as it did: a log field and a metric label. */
export type HealthReason =
  | 'heartbeat-recorded'
  | 'heartbeat-resumed'
  | 'debounce-started'
  | 'already-pending'
  | 'already-down'
  | 'started-flapping'
  | 'flapping-suppressed'
  | 'recovered-inside-debounce'
  | 'recovered'
  | 'nothing-to-recover'
  | 'stale-recovery'
  | 'persisted-past-debounce'
  | 'heartbeat-missed'
  | 'stopped-flapping'
  | 'nothing-due';

/** The new state, what to write, and why. */
export interface HealthStep {
  state: CameraHealthState;
  transitions: HealthTransition[];
  reason: HealthReason;
}

const step = (state: CameraHealthState, reason: HealthReason, ...transitions: HealthTransition[]): HealthStep => ({ state, transitions, reason });

/** Applies one signal or tick to a camera's health: a pure function of (state, input, now, policy). */
export function stepCameraHealth(state: CameraHealthState, input: HealthInput, now: number, policy: HealthPolicy): HealthStep {
  switch (input.kind) {
    case 'heartbeat':
      return onHeartbeat(state, input.at);
    case 'video-loss':
    case 'tamper':
      return onProblem(state, input.kind, input.at, policy);
    case 'recovered':
      return onRecovered(state, input.from, input.at);
    case 'tick':
      return onTick(state, now, policy);
  }
}

function onHeartbeat(state: CameraHealthState, at: number): HealthStep {
  const heard = { ...state, lastHeartbeatAt: Math.max(state.lastHeartbeatAt ?? at, at) };
  if (state.problem !== 'no-heartbeat') return step(heard, 'heartbeat-recorded');
  const up = { ...heard, condition: 'up' as const, problem: null, problemSince: null };
  // A flapping camera's recoveries are part of its one fault, so they are not announced one by one.
  if (state.flapping) return step(up, 'heartbeat-resumed');
  return step(up, 'heartbeat-resumed', { kind: 'came-up', problem: 'no-heartbeat', at });
}

function onProblem(state: CameraHealthState, problem: 'video-loss' | 'tamper', at: number, policy: HealthPolicy): HealthStep {
  if (state.condition !== 'up') return step(state, state.condition === 'down' ? 'already-down' : 'already-pending');
  const onsets = [...state.onsets.filter((t) => t > at - policy.flapWindowMs), at];
  const pending: CameraHealthState = { ...state, condition: 'pending', problem, problemSince: at, onsets };
  if (state.flapping) return step(pending, 'flapping-suppressed');
  if (onsets.length >= policy.flapThreshold) {
    // The flapping fault stands for every flap to come: it opens now, whatever the debounce.
    return step({ ...pending, condition: 'down', flapping: true }, 'started-flapping', { kind: 'started-flapping', problem, since: onsets[0], at, onsets: onsets.length });
  }
  return step(pending, 'debounce-started');
}

function onRecovered(state: CameraHealthState, from: 'video-loss' | 'tamper', at: number): HealthStep {
  if (state.problem !== from) return step(state, 'nothing-to-recover');
  // A recovery older than the problem's onset belongs to an earlier problem, delivered late.
  if (state.problemSince !== null && at < state.problemSince) return step(state, 'stale-recovery');
  const up: CameraHealthState = { ...state, condition: 'up', problem: null, problemSince: null };
  if (state.flapping) return step(up, 'flapping-suppressed');
  if (state.condition === 'pending') return step(up, 'recovered-inside-debounce');
  return step(up, 'recovered', { kind: 'came-up', problem: from, at });
}

function onTick(state: CameraHealthState, now: number, policy: HealthPolicy): HealthStep {
  const lastOnset = state.onsets[state.onsets.length - 1];
  if (state.flapping && lastOnset !== undefined && now - lastOnset >= policy.flapQuietMs) {
    // Steady again; a problem still there is confirmed by the next tick like any other. Dated by
    // the quiet time, not by the tick, so every replica names the same transition.
    const steady = { ...state, flapping: false, onsets: [], condition: state.condition === 'down' ? ('pending' as const) : state.condition };
    return step(steady, 'stopped-flapping', { kind: 'stopped-flapping', at: lastOnset + policy.flapQuietMs });
  }
  if (heartbeatOverdue(state, now, policy) && state.condition !== 'down') {
    const since = state.lastHeartbeatAt as number;
    const down: CameraHealthState = { ...state, condition: 'down', problem: 'no-heartbeat', problemSince: since };
    return state.flapping ? step(down, 'flapping-suppressed') : step(down, 'heartbeat-missed', { kind: 'went-down', problem: 'no-heartbeat', since });
  }
  if (state.condition === 'pending' && state.problem !== null && state.problem !== 'no-heartbeat' && state.problemSince !== null) {
    if (now - state.problemSince < policy.debounceMs[state.problem]) return step(state, 'nothing-due');
    const down: CameraHealthState = { ...state, condition: 'down' };
    if (state.flapping) return step(down, 'flapping-suppressed');
    return step(down, 'persisted-past-debounce', { kind: 'went-down', problem: state.problem, since: state.problemSince });
  }
  return step(state, 'nothing-due');
}

function heartbeatOverdue(state: CameraHealthState, now: number, policy: HealthPolicy): boolean {
  return state.lastHeartbeatAt !== null && now - state.lastHeartbeatAt > policy.heartbeatIntervalMs * policy.heartbeatGrace;
}

/** When the next tick can change this camera, so a watchdog wakes only the cameras that are due; null when nothing is. */
export function nextHealthCheckAt(state: CameraHealthState, policy: HealthPolicy): number | null {
  const due: number[] = [];
  if (state.condition !== 'down' && state.lastHeartbeatAt !== null) due.push(state.lastHeartbeatAt + policy.heartbeatIntervalMs * policy.heartbeatGrace + 1);
  if (state.condition === 'pending' && state.problem !== null && state.problem !== 'no-heartbeat' && state.problemSince !== null) {
    due.push(state.problemSince + policy.debounceMs[state.problem]);
  }
  const lastOnset = state.onsets[state.onsets.length - 1];
  if (state.flapping && lastOnset !== undefined) due.push(lastOnset + policy.flapQuietMs);
  return due.length === 0 ? null : Math.min(...due);
}
