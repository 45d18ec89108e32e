import { EntityManager } from 'typeorm';
import { EventPublisher } from '@vigil/bus';
import { IncidentChange, IncidentChanged, IncidentOwner } from '@vigil/contracts';
import { appendAllToOutbox, OutboxEntry } from '@vigil/db';
import { TRIAGE_SCHEMA } from '../triage.schema';
import { IncidentEntity } from './incident.entity';
import { toIncidentView } from './incident-view';

/** Who made a change and why, as the event and the timeline carry it. */
export interface ChangeAuthor {
  /** `triage` for automatic changes, else the principal's subject. */
  changedBy: string;
  reason: string | null;
  /** The owner before, when this change moved the incident to another (see IncidentChanged.previousOwner). */
  previousOwner?: IncidentOwner;
}

/**
 * The `incidentChanged` event of the incident's version as it is now: its id is the incident and
 * version, so the change is one event however often the relay publishes it, and its aggregate
 * keeps it behind the versions before it.
 */
export function changeEvent(publisher: EventPublisher, incident: IncidentEntity, change: IncidentChange, { changedBy, reason, previousOwner }: ChangeAuthor, now: Date): OutboxEntry {
  const data: IncidentChanged = { ...toIncidentView(incident), change, changedBy, changeReason: reason, ...(previousOwner && { previousOwner }) };
  const envelope = publisher.envelope('incidentChanged', data, { id: `incident-changed:${incident.id}:${incident.version}`, time: now });
  return { subject: publisher.subjectFor('incidentChanged', data), envelope, aggregate: { id: `incident:${incident.id}`, version: incident.version } };
}

/** The `incidentOpened` event (version 1) of a new incident. */
export function openedEvent(publisher: EventPublisher, incident: IncidentEntity, now: Date): OutboxEntry {
  const view = toIncidentView(incident);
  const envelope = publisher.envelope('incidentOpened', view, { id: `incident-opened:${incident.id}`, time: now });
  return { subject: publisher.subjectFor('incidentOpened', view), envelope, aggregate: { id: `incident:${incident.id}`, version: incident.version } };
}

/** Puts the {@link changeEvent} in the outbox, in the caller's transaction. */
export async function announceChange(
  manager: EntityManager,
  publisher: EventPublisher,
  incident: IncidentEntity,
  change: IncidentChange,
  author: ChangeAuthor,
  now: Date,
): Promise<void> {
  await appendAllToOutbox(manager, TRIAGE_SCHEMA, [changeEvent(publisher, incident, change, author, now)]);
}

/** Puts the {@link openedEvent} in the outbox, in the caller's transaction. */
export async function announceOpened(manager: EntityManager, publisher: EventPublisher, incident: IncidentEntity, now: Date): Promise<void> {
  await appendAllToOutbox(manager, TRIAGE_SCHEMA, [openedEvent(publisher, incident, now)]);
}
