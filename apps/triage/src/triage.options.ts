import type { TriagePolicy } from './policy/triage-policy';

/** Injection token for {@link TriageOptions}. */
export const TRIAGE_OPTIONS = Symbol('TRIAGE_OPTIONS');

/** What the triage module needs, whichever process it runs in. */
export interface TriageOptions {
  databaseUrl: string;
  /** How long an alarm restore that came first waits for its alarm before it is recorded alone. */
  restoreWaitSeconds: number;
  /** Grades, correlation window and distance, location registers; the defaults when absent. */
  policy?: TriagePolicy;
  /**
   * This replica's name for its own consumer of faults' camera register (each replica holds every
   * camera's place): unique per process; made up at start when absent.
   */
  instanceId?: string;
}
