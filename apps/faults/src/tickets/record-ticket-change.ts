import { EntityManager } from 'typeorm';
import { EventPublisher } from '@vigil/bus';
import { TicketChange } from '@vigil/contracts';
import { appendAllToOutbox } from '@vigil/db';
import { FAULTS_SCHEMA } from '../faults.schema';
import { ticketChangedEvent } from './announce-ticket';
import { TicketTimelineEntryEntity } from './ticket-timeline-entry.entity';
import { TicketEntity } from './ticket.entity';

/** One change to write: on which ticket (as locked), the fields, and who did it why. */
export interface TicketChangeToRecord {
  before: TicketEntity;
  cameraIds: readonly string[];
  change: TicketChange;
  patch: Partial<TicketEntity>;
  actor: string;
  reason: string | null;
  detail: Record<string, string | number | boolean | null | object>;
  now: Date;
}

/** The row moved on between the caller's read and its write: the caller did not hold the row lock. */
export class TicketMovedOnError extends Error {}

/**
 * Writes a change the way every ticket change is written: the new fields with the next version,
 * only where the version is still the one read (`UPDATE … WHERE id AND version`), a timeline entry
 * and the `ticketChanged` event in the outbox, all in the caller's transaction.
 */
export async function recordTicketChange(manager: EntityManager, publisher: EventPublisher, change: TicketChangeToRecord): Promise<TicketEntity> {
  const { before, now } = change;
  const after: TicketEntity = { ...before, ...change.patch, version: before.version + 1, updatedAt: now };
  const updated = await manager.update(TicketEntity, { id: before.id, version: before.version }, { ...change.patch, version: after.version, updatedAt: now });
  if (updated.affected !== 1) throw new TicketMovedOnError(`ticket ${before.id} is no longer at version ${before.version}`);
  await manager.insert(TicketTimelineEntryEntity, { ticketId: before.id, at: now, kind: change.change, actor: change.actor, reason: change.reason, version: after.version, detail: change.detail });
  await appendAllToOutbox(manager, FAULTS_SCHEMA, [ticketChangedEvent(publisher, after, change.cameraIds, { change: change.change, changedBy: change.actor, reason: change.reason }, now)]);
  return after;
}
