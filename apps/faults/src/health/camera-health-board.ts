import { CameraHealthState, HealthReason, HealthTransition, nextHealthCheckAt, stepCameraHealth, UNHEARD_CAMERA } from '../domain/camera-health';
import { HealthPolicy } from '../domain/health-policy';
import { HealthSignal } from './read-health-signal';

/** A transition of one camera, with where the VMS says the camera hangs. */
export interface CameraTransition {
  cameraId: string;
  vmsId: string;
  transition: HealthTransition;
}

interface Supervised {
  vmsId: string;
  state: CameraHealthState;
  /** When a tick can next change this camera (nextHealthCheckAt), so a tick skips the rest with one comparison. */
  dueAt: number | null;
}

/**
 * Every camera's health in this process's memory, stepped by the pure domain: signals as they
 * come, and a tick for debounces and missed heartbeats. It returns transitions only; heartbeats
 * and debounced blips never leave memory. Not shared between replicas: each keeps its own.
 */
export class CameraHealthBoard {
  private readonly cameras = new Map<string, Supervised>();
  /** How many steps ended for each reason: the watchdog's metric. */
  readonly reasons = new Map<HealthReason, number>();

  constructor(private readonly policy: HealthPolicy) {}

  /** Cameras heard so far. */
  get size(): number {
    return this.cameras.size;
  }

  /** Steps the camera with its signal; `now` is the receiving clock (only ticks use it). */
  take(signal: HealthSignal, now: number): CameraTransition[] {
    const camera = this.cameras.get(signal.cameraId) ?? { vmsId: signal.vmsId, state: UNHEARD_CAMERA, dueAt: null };
    camera.vmsId = signal.vmsId;
    if (!this.cameras.has(signal.cameraId)) this.cameras.set(signal.cameraId, camera);
    return this.step(signal.cameraId, camera, signal.input, now);
  }

  /** Checks the cameras whose debounce, heartbeat grace or quiet time may have run out by `now`. */
  tick(now: number): CameraTransition[] {
    const transitions: CameraTransition[] = [];
    for (const [cameraId, camera] of this.cameras) {
      if (camera.dueAt === null || camera.dueAt > now) continue;
      transitions.push(...this.step(cameraId, camera, { kind: 'tick' }, now));
    }
    return transitions;
  }

  /** A camera's state, for tests and the bench. */
  stateOf(cameraId: string): CameraHealthState | undefined {
    return this.cameras.get(cameraId)?.state;
  }

  private step(cameraId: string, camera: Supervised, input: Parameters<typeof stepCameraHealth>[1], now: number): CameraTransition[] {
    const result = stepCameraHealth(camera.state, input, now, this.policy);
    camera.state = result.state;
    camera.dueAt = nextHealthCheckAt(result.state, this.policy);
    this.reasons.set(result.reason, (this.reasons.get(result.reason) ?? 0) + 1);
    return result.transitions.map((transition) => ({ cameraId, vmsId: camera.vmsId, transition }));
  }
}
