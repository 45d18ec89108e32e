/** States a source moves through by time alone; any other state is set by an event (a key mismatch, say). */
export const TIMED_LIVENESS_STATES = ['up', 'late', 'down'] as const;

/** How long a source may stay silent before it is late, and before it is down (null: late is as bad as it gets). */
export interface LivenessPolicy {
  lateAfterSeconds: number;
  downAfterSeconds: number | null;
}

/** What is known of a source when it is judged; `state` is null before its first stored word. */
export interface LivenessFacts {
  state: string | null;
  lastHeardAt: Date | null;
  /** When the state was last set; an event-set state holds until the source is heard after it. */
  changedAt: Date | null;
}

/** The state a source should be in, and the named reason (log field, metric label, event reason). */
export interface LivenessVerdict {
  state: string;
  reason: string;
}

/**
 * A source's next state. Timed sources go up → late → down by silence and back up when heard
 * in time; a down source only leaves down for up. With no policy, only events move the timed
 * states (another component judges the source). An event-set state clears once heard after it.
 */
export function judgeLiveness(facts: LivenessFacts, now: Date, policy: LivenessPolicy | null): LivenessVerdict {
  const { state, lastHeardAt, changedAt } = facts;
  if (state === null) return lastHeardAt ? { state: 'up', reason: 'first-heard' } : { state: 'down', reason: 'never-heard' };
  if (!isTimed(state)) {
    const heardSince = lastHeardAt !== null && (changedAt === null || lastHeardAt > changedAt);
    return heardSince ? { state: 'up', reason: `heard-after-${state}` } : { state, reason: `${state}-not-cleared` };
  }
  if (!policy) return { state, reason: 'judged-by-events' };
  if (!lastHeardAt) return { state: 'down', reason: 'never-heard' };
  const silentSeconds = (now.getTime() - lastHeardAt.getTime()) / 1000;
  if (policy.downAfterSeconds !== null && silentSeconds > policy.downAfterSeconds) return { state: 'down', reason: 'silent-past-down-threshold' };
  if (silentSeconds > policy.lateAfterSeconds) {
    return { state: state === 'down' ? 'down' : 'late', reason: 'silent-past-late-threshold' };
  }
  return { state: 'up', reason: state === 'up' ? 'heard-in-time' : 'heard-again' };
}

/** The later of two heard times: last-heard only moves forward, whatever order replicas report in. */
export function laterOf(stored: Date | null, heard: Date): Date {
  return stored && stored > heard ? stored : heard;
}

function isTimed(state: string): boolean {
  return (TIMED_LIVENESS_STATES as readonly string[]).includes(state);
}
