/** Where a dead letter can be sent again, or why it cannot. */
export type ReplayTarget = { ok: true; subject: string } | { ok: false; reason: string };

const NATS_ORIGIN = 'nats:';
// A concrete subject: dot-separated non-empty tokens, no wildcards, no whitespace.
const CONCRETE_SUBJECT = /^[^\s.*>]+(\.[^\s.*>]+)*$/;

/**
 * Only what came off the bus can be put back on it: its bytes go to the subject they came from.
 * An HTTP intake body or a DC-09 frame was answered at the time (400, NAK); the sender resends it.
 */
export function replayTarget(origin: string): ReplayTarget {
  if (!origin.startsWith(NATS_ORIGIN)) {
    return { ok: false, reason: `origin "${origin}" cannot be replayed: only messages taken from NATS can be (the sender must resend this one)` };
  }
  const subject = origin.slice(NATS_ORIGIN.length);
  if (!CONCRETE_SUBJECT.test(subject)) return { ok: false, reason: `origin "${origin}" does not name a subject to publish to` };
  return { ok: true, subject };
}
