import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '@vigil/auth';
import { EventPublisher } from '@vigil/bus';
import { ReportFault } from '@vigil/contracts';
import { appendAllToOutbox } from '@vigil/db';
import { AppTimers, timersToken } from '@vigil/timers';
import { severityOf } from '../../domain/severity';
import { startClocks } from '../../domain/sla-clock';
import { DEFAULT_SLA_CONTRACT } from '../../domain/sla-contract';
import { canSeeAsset, decideFaultAccess } from '../../domain/ticket-access';
import { faultActorOf } from '../../fault-actor';
import { FAULTS_OPTIONS, FaultsOptions } from '../../faults.options';
import { FAULTS_SCHEMA } from '../../faults.schema';
import { windowsOver } from '../../maintenance/windows-over';
import { CameraEntity } from '../../register/camera.entity';
import { refreshCameraStatus } from '../../register/refresh-camera-status';
import { ticketOpenedEvent } from '../announce-ticket';
import { FaultEntity } from '../fault.entity';
import { nextTicketReference } from '../next-ticket-reference';
import { syncClockTimers } from '../sla-timers';
import { clockColumns } from '../ticket-clocks';
import { TicketResult } from '../ticket-result';
import { TicketTimelineEntryEntity } from '../ticket-timeline-entry.entity';
import { TicketEntity } from '../ticket.entity';
import { toTicketView } from '../ticket-view';
import { camerasOfTickets } from '../ticket-cameras';

/**
 * POST /api/faults: a person reports a camera fault. In one transaction: a ticket for the
 * contractor with its response and fix deadlines (severity from the symptom, planned maintenance
 * excluded), the camera's fault, the ticket's first timeline entry and `fault.<owner>.opened`, the
 * camera out of public view with its `camera.<owner>.status-changed`, and the two SLA timers. A
 * camera with a ticket still open gets that ticket back, not a second one; so does the same
 * reporter's same `clientReference`.
 */
@Injectable()
export class ReportFaultUseCase {
  constructor(
    @InjectDataSource(FAULTS_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    @Inject(timersToken(FAULTS_SCHEMA)) private readonly timers: AppTimers,
    @Inject(FAULTS_OPTIONS) private readonly options: FaultsOptions,
  ) {}

  async execute(principal: Principal, report: ReportFault, now = new Date()): Promise<TicketResult> {
    const actor = faultActorOf(principal);
    return this.dataSource.transaction(async (manager) => {
      // The camera row lock makes two reports of one camera take turns, so the second finds the first's ticket.
      const camera = await manager.findOne(CameraEntity, { where: { cameraId: report.cameraId }, lock: { mode: 'pessimistic_write' } });
      if (!camera || !canSeeAsset(actor, camera)) return { kind: 'not-found', what: `camera ${report.cameraId}` };
      if (decideFaultAccess(actor, camera, 'report') !== 'allowed') return { kind: 'forbidden', message: 'partners read faults; the control room, police and the contractor report them' };
      if (camera.decommissioned) return { kind: 'refused', reason: 'camera-decommissioned', message: `camera ${camera.cameraId} is decommissioned` };
      const earlier = await this.openTicketFor(manager, camera.cameraId, principal.subject, report.clientReference);
      if (earlier) return { kind: 'already-open', ticket: toTicketView(earlier, (await camerasOfTickets(manager, [earlier.id])).get(earlier.id) ?? []) };
      return this.open(manager, principal, camera, report, now);
    });
  }

  private async openTicketFor(manager: EntityManager, cameraId: string, reportedBy: string, clientReference: string | null): Promise<TicketEntity | null> {
    if (clientReference !== null) {
      const same = await manager.findOneBy(TicketEntity, { reportedBy, clientReference });
      if (same) return same;
    }
    const [open]: { ticket_id: string }[] = await manager.query(
      `SELECT f."ticket_id" FROM "${FAULTS_SCHEMA}"."fault" f JOIN "${FAULTS_SCHEMA}"."ticket" t ON t."id" = f."ticket_id"
       WHERE f."camera_id" = $1 AND f."closed_at" IS NULL AND t."status" <> 'verified' ORDER BY f."opened_at" LIMIT 1`,
      [cameraId],
    );
    return open ? manager.findOneBy(TicketEntity, { id: open.ticket_id }) : null;
  }

  private async open(manager: EntityManager, principal: Principal, camera: CameraEntity, report: ReportFault, now: Date): Promise<TicketResult> {
    const contract = this.options.slaContract ?? DEFAULT_SLA_CONTRACT;
    const { severity, reason: severityReason } = severityOf(report.symptom);
    const windows = await windowsOver(manager, { cameraIds: [camera.cameraId], siteIds: [camera.siteId], owner: camera.partnerId ?? camera.clientName ?? '' });
    const clocks = startClocks(now.getTime(), severity, contract, windows);
    const ticket: TicketEntity = {
      id: randomUUID(),
      reference: await nextTicketReference(manager, now),
      partnerId: camera.partnerId,
      clientName: camera.clientName,
      town: camera.town,
      scope: 'camera',
      siteId: camera.siteId,
      symptom: report.symptom,
      severity,
      severityReason,
      origin: 'person',
      description: report.description,
      status: 'reported',
      reportedBy: principal.subject,
      reportedAt: now,
      clientReference: report.clientReference,
      contract: contract.name,
      ...clockColumns(clocks),
      engineerReport: null,
      verifiedAt: null,
      reopenCount: 0,
      version: 1,
      updatedAt: now,
    };
    await manager.insert(TicketEntity, ticket);
    await manager.insert(FaultEntity, { id: randomUUID(), ticketId: ticket.id, cameraId: camera.cameraId, symptom: report.symptom, origin: 'person', openedAt: now, closedAt: null });
    await manager.insert(TicketTimelineEntryEntity, {
      ticketId: ticket.id,
      at: now,
      kind: 'opened',
      actor: principal.subject,
      reason: severityReason,
      version: 1,
      detail: { cameraId: camera.cameraId, symptom: report.symptom, severity, incidentId: report.incidentId, respondBy: ticket.responseDueAt.toISOString(), fixBy: ticket.fixDueAt.toISOString() },
    });
    await appendAllToOutbox(manager, FAULTS_SCHEMA, [ticketOpenedEvent(this.publisher, ticket, [camera.cameraId], now)]);
    await refreshCameraStatus(manager, this.publisher, [camera.cameraId], principal.subject, now);
    await syncClockTimers(this.timers, ticket.id, clocks, manager);
    return { kind: 'opened', ticket: toTicketView(ticket, [camera.cameraId]) };
  }
}
