import { WaitingEntry } from '@vigil/contracts';
import { QueuePlace } from './domain/waiting-list';
import { LoanWaitingEntryEntity } from './loan-waiting-entry.entity';

/** A stored entry as the API shows it, with its place on the list (null once taken). */
export function toWaitingView(entry: LoanWaitingEntryEntity, position: number | null): WaitingEntry {
  return {
    entryId: entry.id,
    partnerId: entry.partnerId,
    clientName: entry.clientName,
    customerReference: entry.customerReference,
    customerName: entry.customerName,
    address: entry.address,
    need: entry.need,
    status: entry.status,
    position,
    addedAt: entry.addedAt.toISOString(),
    addedBy: entry.addedBy,
    priority: entry.prioritisedAt ? { reason: entry.priorityReason ?? '', by: entry.prioritisedBy ?? '', at: entry.prioritisedAt.toISOString() } : null,
    lastContactedAt: entry.lastContactedAt?.toISOString() ?? null,
    lastContact: entry.lastContactedAt ? { by: entry.lastContactedBy ?? '', note: entry.lastContactNote ?? '' } : null,
    takenAt: entry.takenAt?.toISOString() ?? null,
    deploymentId: entry.deploymentId,
    updatedAt: entry.updatedAt.toISOString(),
    version: entry.version,
  };
}

/** The entry's facts that decide its place. */
export function queuePlaceOf(entry: LoanWaitingEntryEntity): QueuePlace & { entry: LoanWaitingEntryEntity } {
  return { entry, addedAt: entry.addedAt.getTime(), prioritisedAt: entry.prioritisedAt?.getTime() ?? null, seq: Number(entry.seq) };
}

/** What a 409 shows of an entry (throwRefusal names a record by its reference): the owner's customer reference is what people say. */
export function staleWaitingView(entry: LoanWaitingEntryEntity): WaitingEntry & { reference: string } {
  return { ...toWaitingView(entry, null), reference: `waiting-list entry for ${entry.customerReference}` };
}
