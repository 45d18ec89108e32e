/** What one check of the live feed found; also a log field and a metric label. */
export type FeedVerdict = 'caught-up' | 'catching-up' | 'stalled';

/** The positions and times one check compares; times in milliseconds since the epoch. */
export interface FeedCheck {
  /** Last sequence stored in the stream the feed reads. */
  streamLastSeq: number;
  /** Last stream sequence the feed received. */
  feedLastSeq: number;
  /** When the feed last moved on: a message, a (re)subscription, or a check that found it level with the stream. */
  lastProgressAt: number;
}

/** The verdict with the numbers behind it, for the warning an operator reads. */
export interface FeedHealth {
  verdict: FeedVerdict;
  /** Stream sequences stored after the feed's last one (an upper bound on the events it lacks). */
  behind: number;
  /** Time since the feed last moved on. */
  idleMs: number;
}

/**
 * Whether the feed has stopped while the stream grew. A feed that is behind but moved on within
 * `stallAfterMs` is catching up; one that is behind and has not moved for that long is stalled,
 * whatever the client library believes about its subscription.
 */
export function judgeFeed(check: FeedCheck, now: number, stallAfterMs: number): FeedHealth {
  const behind = Math.max(0, check.streamLastSeq - check.feedLastSeq);
  const idleMs = Math.max(0, now - check.lastProgressAt);
  if (behind === 0) return { verdict: 'caught-up', behind, idleMs };
  return { verdict: idleMs >= stallAfterMs ? 'stalled' : 'catching-up', behind, idleMs };
}
