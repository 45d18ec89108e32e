/** What decides a customer's place on the waiting list. */
export interface QueuePlace {
  addedAt: number;
  /** When the customer was moved to the front for a priority; null for everyone else. */
  prioritisedAt: number | null;
  /** The order entries were stored in: breaks a tie between two added in the same millisecond. */
  seq: number;
}

/**
 * The list in the order customers get a camera. A priority moves a customer to the front, behind
 * those moved there earlier: a second urgent case does not overtake the first. Everyone else waits
 * in the order they were added.
 */
export function orderWaitingList<T extends QueuePlace>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => {
    if ((a.prioritisedAt === null) !== (b.prioritisedAt === null)) return a.prioritisedAt === null ? 1 : -1;
    return (a.prioritisedAt ?? 0) - (b.prioritisedAt ?? 0) || a.addedAt - b.addedAt || a.seq - b.seq;
  });
}

/** What people do to an entry on the list. */
export type WaitingCommand = 'prioritise' | 'contact' | 'take';

/** Why a waiting-list command is refused: the API's 422 `reason`. */
export type WaitingRefusal = 'not-waiting' | 'already-prioritised';

/** A customer taken off the list has their camera: nothing more happens to the entry. A priority is given once. */
export function decideWaitingCommand(entry: { status: 'waiting' | 'taken'; prioritised: boolean }, command: WaitingCommand): { ok: true } | { ok: false; reason: WaitingRefusal } {
  if (entry.status !== 'waiting') return { ok: false, reason: 'not-waiting' };
  if (command === 'prioritise' && entry.prioritised) return { ok: false, reason: 'already-prioritised' };
  return { ok: true };
}
