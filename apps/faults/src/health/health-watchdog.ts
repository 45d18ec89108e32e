import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { decisions } from '@vigil/observability';
import { DEFAULT_HEALTH_POLICY, HealthPolicy } from '../domain/health-policy';
import { judgementTime, WatchdogHearing } from '../domain/watchdog-hearing';
import { FAULTS_OPTIONS, FaultsOptions, HealthWatchdogOptions } from '../faults.options';
import { CameraHealthBoard, CameraTransition } from './camera-health-board';
import { HealthSignal } from './read-health-signal';
import { RecordHealthTransitionUseCase } from './record-health-transition.usecase';

/** The default tick: a fault confirmed by time waits at most this long for the tick that writes it. */
const DEFAULT_TICK_MS = 250;
/** Signals this close to the start (VMS clock against ours) mean the replay of the stream has caught up. */
const CAUGHT_UP_SLACK_MS = 5_000;

/** How far back a new replica reads CAMERA_HEALTH to rebuild its state: a heartbeat grace and the longest debounce, with room. */
export function healthLookbackSeconds(policy: HealthPolicy): number {
  const longestDebounce = Math.max(policy.debounceMs['video-loss'], policy.debounceMs.tamper);
  return Math.ceil((policy.heartbeatIntervalMs * policy.heartbeatGrace + longestDebounce) / 1_000) + 30;
}

/**
 * The camera health watchdog of this replica: every camera's state in memory (a board), stepped
 * by each batch of signals and by one timer for the whole process, never one per camera.
 * Transitions are written one at a time, in the order they were made, by one writer chain; one
 * that could not be written (database down) is tried again at the next tick. Time is judged only
 * while this replica hears the present (domain/watchdog-hearing.ts): a heartbeat not yet read, in
 * the replay a new replica starts with or in a backlog, is not a heartbeat missed.
 */
@Injectable()
export class HealthWatchdog implements OnApplicationBootstrap, OnModuleDestroy {
  readonly board: CameraHealthBoard;
  private readonly settings: HealthWatchdogOptions;
  private readonly policy: HealthPolicy;
  private readonly startedAt = Date.now();
  private readonly hearing: WatchdogHearing = { caughtUp: false, behind: false, lastBatchAt: null };
  private timer?: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();
  private unwritten: CameraTransition[] = [];
  private readonly logger = new Logger('HealthWatchdog');

  constructor(
    private readonly record: RecordHealthTransitionUseCase,
    @Inject(FAULTS_OPTIONS) options: FaultsOptions,
  ) {
    this.settings = options.health as HealthWatchdogOptions;
    this.policy = this.settings.policy ?? DEFAULT_HEALTH_POLICY;
    this.board = new CameraHealthBoard(this.policy);
  }

  onApplicationBootstrap(): void {
    const tickMs = this.settings.tickMs ?? DEFAULT_TICK_MS;
    const lookbackMs = healthLookbackSeconds(this.policy) * 1_000;
    this.timer = setInterval(() => {
      // A silent stream never says it caught up: after the lookback, nothing from before is left to replay.
      if (!this.hearing.caughtUp && Date.now() - this.startedAt >= lookbackMs) this.hearing.caughtUp = true;
      void this.tick(Date.now());
    }, tickMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.writing;
  }

  /**
   * Steps each signal's camera, in order, and resolves once the transitions they made are written
   * (or kept for the next tick). `full`: the batch was as large as batches get, so more is waiting.
   */
  async take(signals: readonly HealthSignal[], full: boolean, now = Date.now()): Promise<void> {
    this.hearing.lastBatchAt = now;
    this.hearing.behind = full;
    const transitions: CameraTransition[] = [];
    for (const signal of signals) {
      if (!this.hearing.caughtUp && signal.input.at >= this.startedAt - CAUGHT_UP_SLACK_MS) this.hearing.caughtUp = true;
      transitions.push(...this.board.take(signal, now));
    }
    if (transitions.length > 0) await this.write(transitions);
  }

  /**
   * Checks debounces and heartbeat grace and writes what they confirm, with whatever could not be
   * written before; only as far as this replica hears the stream (domain/watchdog-hearing.ts).
   */
  tick(now: number): Promise<void> {
    const time = judgementTime(this.hearing, now, this.policy.heartbeatIntervalMs);
    const due = [...this.unwritten.splice(0), ...(time.judge ? this.board.tick(time.at) : [])];
    return due.length === 0 ? this.writing : this.write(due);
  }

  private write(transitions: CameraTransition[]): Promise<void> {
    const run = this.writing.then(() => this.writeInOrder(transitions));
    this.writing = run;
    return run;
  }

  private async writeInOrder(transitions: CameraTransition[]): Promise<void> {
    for (const change of transitions) {
      try {
        const written = await this.record.execute(change, this.settings.instanceId);
        decisions.inc({ app: 'faults', decision: 'camera-health', reason: written });
        if (written !== 'written-elsewhere') this.logger.log({ msg: 'camera health transition', cameraId: change.cameraId, transition: change.transition.kind, written });
      } catch (error) {
        this.unwritten.push(change);
        this.logger.warn({ msg: 'could not write camera health transition, will try again at the next tick', cameraId: change.cameraId, transition: change.transition.kind, error: (error as Error).message });
      }
    }
  }
}
