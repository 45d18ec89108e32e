import type { Silence } from '../domain/mute/silence';
import type { SilenceLifecycle } from '../silences/silence-lifecycle';

/** One call a silence's timers made. */
export interface SilenceLifecycleCall {
  call: 'reminderDue' | 'ended';
  silence: Silence;
}

/**
 * A test double of notify's own {@link SilenceLifecycle} port (not of Postgres or the timers):
 * it records what the silence timers told it, shared by every replica a test starts.
 */
export class RecordingSilenceLifecycle implements SilenceLifecycle {
  readonly calls: SilenceLifecycleCall[] = [];

  async reminderDue(silence: Silence): Promise<void> {
    this.calls.push({ call: 'reminderDue', silence });
  }

  async ended(silence: Silence): Promise<void> {
    this.calls.push({ call: 'ended', silence });
  }

  /** The calls about one silence, in order. */
  about(silenceId: string): SilenceLifecycleCall['call'][] {
    return this.calls.filter((one) => one.silence.id === silenceId).map((one) => one.call);
  }
}
