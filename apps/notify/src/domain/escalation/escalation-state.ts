/** Where an alert's escalation stands. */
export type EscalationPhase = 'escalating' | 'acknowledged' | 'in-progress' | 'resolved' | 'exhausted';

/**
 * One alert's escalation, kept durably with its timer (`wakeAt`), so a replica that restarts or
 * takes over carries on where it stood. Level 0 is the route's own receiver; level n is the
 * policy's step n-1.
 */
export interface EscalationState {
  fingerprint: string;
  policy: string;
  /** The route's receiver: the first level, told by the pipeline before escalation begins. */
  firstLevel: string;
  phase: EscalationPhase;
  /** The level last told. */
  level: number;
  /** 0 for the first time through the levels, then one per repeat. */
  round: number;
  /** When the next level (or, acknowledged, the progress timeout) falls due; null when nothing waits. */
  wakeAt: Date | null;
  /** The alert version last applied: anything not newer is stale. */
  version: number;
  /** The version this firing life began at: an acknowledgement from an earlier life is void. */
  lifeVersion: number;
  acknowledgedBy: string | null;
}

/** Why escalation did what it did: a log field and a metric label. */
export type EscalationReason =
  | 'policy-started'
  | 'already-handled'
  | 'escalated'
  | 'escalated-again'
  | 'exhausted'
  | 'acknowledged'
  | 'acknowledged-not-progressed'
  | 'new-call-while-acknowledged'
  | 'progressed'
  | 'resolved'
  | 'reopened'
  | 'unacknowledged-again'
  | 'already-acknowledged'
  | 'already-resolved'
  | 'acknowledged-earlier-life'
  | 'stale-version'
  | 'not-due'
  | 'nothing-due'
  | 'no-change';

/** What escalation decided: the state to keep (null: none started), the receivers to tell now, and why. */
export interface EscalationDecision {
  state: EscalationState | null;
  notify: readonly string[];
  reason: EscalationReason;
}
