import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '@vigil/auth';
import { EventPublisher } from '@vigil/bus';
import { ReportFault } from '@vigil/contracts';
import { AppTimers, timersToken } from '@vigil/timers';
import { DEFAULT_SLA_CONTRACT } from '../../domain/sla-contract';
import { canSeeAsset, decideFaultAccess } from '../../domain/ticket-access';
import { faultActorOf } from '../../fault-actor';
import { FAULTS_OPTIONS, FaultsOptions } from '../../faults.options';
import { FAULTS_SCHEMA } from '../../faults.schema';
import { CameraEntity } from '../../register/camera.entity';
import { TicketResult } from '../ticket-result';
import { TicketEntity } from '../ticket.entity';
import { toTicketView } from '../ticket-view';
import { camerasOfTickets } from '../ticket-cameras';
import { openTicket } from '../open-ticket';

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
    const opening = { publisher: this.publisher, timers: this.timers, contract: this.options.slaContract ?? DEFAULT_SLA_CONTRACT };
    const ticket = await openTicket(
      manager,
      opening,
      {
        id: randomUUID(),
        cameras: [{ camera, faultSince: now }],
        scope: 'camera',
        siteId: camera.siteId,
        symptom: report.symptom,
        origin: 'person',
        description: report.description,
        reportedBy: principal.subject,
        clientReference: report.clientReference,
        detail: { cameraId: camera.cameraId, incidentId: report.incidentId },
      },
      now,
    );
    return { kind: 'opened', ticket: toTicketView(ticket, [camera.cameraId]) };
  }
}
