import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventPublisher } from '@vigil/bus';
import { FaultSymptom } from '@vigil/contracts';
import { appendAllToOutbox } from '@vigil/db';
import { AppTimers } from '@vigil/timers';
import { severityOf } from '../domain/severity';
import { startClocks } from '../domain/sla-clock';
import { SlaContract } from '../domain/sla-contract';
import { FAULTS_SCHEMA } from '../faults.schema';
import { windowsOver } from '../maintenance/windows-over';
import { CameraEntity } from '../register/camera.entity';
import { refreshCameraStatus } from '../register/refresh-camera-status';
import { ticketOpenedEvent } from './announce-ticket';
import { FaultEntity } from './fault.entity';
import { nextTicketReference } from './next-ticket-reference';
import { syncClockTimers } from './sla-timers';
import { clockColumns } from './ticket-clocks';
import { TicketTimelineEntryEntity } from './ticket-timeline-entry.entity';
import { TicketEntity } from './ticket.entity';

/** A ticket to open: who raised it about which cameras (one, or a site or network outage's children). */
export interface TicketToOpen {
  /** The caller's: random for a person's report, derived from the health transition for the watchdog's. */
  id: string;
  /** The cameras covered, the first one the ticket's owner and town; each with when its fault began. */
  cameras: readonly { camera: CameraEntity; faultSince: Date }[];
  scope: 'camera' | 'site' | 'network';
  /** The group of a grouped ticket; the camera's site otherwise. */
  siteId: string;
  symptom: FaultSymptom;
  origin: 'person' | 'health-watchdog';
  description: string | null;
  reportedBy: string;
  clientReference: string | null;
  /** Added to the `opened` timeline entry's detail. */
  detail: Record<string, string | number | boolean | null | object>;
}

/** What opening a ticket needs from the app. */
export interface TicketOpening {
  publisher: EventPublisher;
  timers: AppTimers;
  contract: SlaContract;
}

/**
 * Opens a ticket the one way every fault opens one, in the caller's transaction: response and fix
 * deadlines by severity (planned maintenance excluded), a fault per camera, the first timeline
 * entry and `fault.<owner>.opened`, the cameras faulty and out of public view with their
 * status-changed events, and both SLA timers.
 */
export async function openTicket(manager: EntityManager, opening: TicketOpening, spec: TicketToOpen, now: Date): Promise<TicketEntity> {
  const [first] = spec.cameras;
  const cameraIds = spec.cameras.map((c) => c.camera.cameraId);
  const { severity, reason: severityReason } = severityOf(spec.symptom);
  const owner = first.camera.partnerId ?? first.camera.clientName ?? '';
  const windows = await windowsOver(manager, { cameraIds, siteIds: [...new Set(spec.cameras.map((c) => c.camera.siteId))], owner });
  const clocks = startClocks(now.getTime(), severity, opening.contract, windows);
  const ticket: TicketEntity = {
    id: spec.id,
    reference: await nextTicketReference(manager, now),
    partnerId: first.camera.partnerId,
    clientName: first.camera.clientName,
    town: first.camera.town,
    scope: spec.scope,
    siteId: spec.siteId,
    symptom: spec.symptom,
    severity,
    severityReason,
    origin: spec.origin,
    description: spec.description,
    status: 'reported',
    reportedBy: spec.reportedBy,
    reportedAt: now,
    clientReference: spec.clientReference,
    contract: opening.contract.name,
    ...clockColumns(clocks),
    engineerReport: null,
    verifiedAt: null,
    reopenCount: 0,
    version: 1,
    updatedAt: now,
  };
  await manager.insert(TicketEntity, ticket);
  await manager.insert(
    FaultEntity,
    spec.cameras.map(({ camera, faultSince }) => ({ id: randomUUID(), ticketId: ticket.id, cameraId: camera.cameraId, symptom: spec.symptom, origin: spec.origin, openedAt: faultSince, closedAt: null })),
  );
  await manager.insert(TicketTimelineEntryEntity, {
    ticketId: ticket.id,
    at: now,
    kind: 'opened',
    actor: spec.reportedBy,
    reason: severityReason,
    version: 1,
    detail: { ...spec.detail, symptom: spec.symptom, severity, respondBy: ticket.responseDueAt.toISOString(), fixBy: ticket.fixDueAt.toISOString() },
  });
  await appendAllToOutbox(manager, FAULTS_SCHEMA, [ticketOpenedEvent(opening.publisher, ticket, cameraIds, now)]);
  await refreshCameraStatus(manager, opening.publisher, cameraIds, spec.reportedBy, now);
  await syncClockTimers(opening.timers, ticket.id, clocks, manager);
  return ticket;
}
