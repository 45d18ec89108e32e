import { EntityManager } from 'typeorm';
import { EventPublisher } from '@vigil/bus';
import { IncidentChange, IncidentOwner } from '@vigil/contracts';
import { IncidentEntity } from '../incidents/incident.entity';
import { ChangeDetail } from './domain/apply-command';
import { announceChange } from '../incidents/announce-incident';
import { TimelineEntryEntity } from '../incidents/timeline-entry.entity';

/** One change to write: on which incident (as locked), the fields, and who did it why. */
export interface ChangeToRecord {
  before: IncidentEntity;
  change: IncidentChange;
  patch: Partial<IncidentEntity>;
  actor: string;
  reason: string | null;
  detail: ChangeDetail;
  now: Date;
}

/** Whether a change gave the incident another owner: subjects and who may see it follow the owner. */
function ownerMoved(before: IncidentOwner, after: IncidentOwner): boolean {
  return before.partnerId !== after.partnerId || before.placement !== after.placement;
}

/** The row moved on between the caller's read and its write: the caller did not hold the row lock. */
export class IncidentMovedOnError extends Error {}

/**
 * Writes a change the way every change is written: the new fields with the next version, only
 * where the version is still the one read (`UPDATE … WHERE id AND version`), a timeline entry
 * and the `incidentChanged` event in the outbox, all in the caller's transaction.
 */
export async function recordChange(manager: EntityManager, publisher: EventPublisher, change: ChangeToRecord): Promise<IncidentEntity> {
  const { before, now } = change;
  const after: IncidentEntity = { ...before, ...change.patch, version: before.version + 1, updatedAt: now };
  const updated = await manager.update(IncidentEntity, { id: before.id, version: before.version }, { ...change.patch, version: after.version, updatedAt: now });
  if (updated.affected !== 1) throw new IncidentMovedOnError(`incident ${before.id} is no longer at version ${before.version}`);
  await manager.insert(TimelineEntryEntity, {
    incidentId: before.id,
    at: now,
    kind: change.change,
    actor: change.actor,
    reason: change.reason,
    version: after.version,
    detail: change.detail,
  });
  const previousOwner = ownerMoved(before, after) ? { partnerId: before.partnerId, placement: before.placement } : undefined;
  await announceChange(manager, publisher, after, change.change, { changedBy: change.actor, reason: change.reason, previousOwner }, now);
  return after;
}
