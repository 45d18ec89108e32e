import { EntityManager } from 'typeorm';
import { orderWaitingList } from '../domain/waiting-list';
import { LoanWaitingEntryEntity } from '../loan-waiting-entry.entity';
import { queuePlaceOf } from '../waiting-entry-view';

/** Whose list: a partner's or a client's. */
export interface ListOwner {
  partnerId: string | null;
  clientName: string | null;
}

/**
 * The waiting customers of an owner, in the order they get a camera. `lock` locks them (FOR
 * UPDATE) so that two takers of the same list take turns; a row taken meanwhile is no longer
 * waiting when the second taker's lock is granted, so it is not returned twice.
 */
export async function waitingQueue(manager: EntityManager, owner: ListOwner, options: { lock?: boolean } = {}): Promise<LoanWaitingEntryEntity[]> {
  const entries = await manager.find(LoanWaitingEntryEntity, {
    where: { partnerId: owner.partnerId ?? undefined, clientName: owner.clientName ?? undefined, status: 'waiting' },
    ...(options.lock && { lock: { mode: 'pessimistic_write' as const } }),
  });
  return orderWaitingList(entries.map(queuePlaceOf)).map((place) => place.entry);
}

/** The 1-based place of an entry on its owner's list, or null when it is not waiting. */
export async function positionOf(manager: EntityManager, entry: LoanWaitingEntryEntity): Promise<number | null> {
  if (entry.status !== 'waiting') return null;
  const queue = await waitingQueue(manager, entry);
  return queue.findIndex((e) => e.id === entry.id) + 1 || null;
}
