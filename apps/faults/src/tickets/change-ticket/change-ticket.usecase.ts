import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { Principal } from '@vigil/auth';
import { EventPublisher } from '@vigil/bus';
import { isUuid } from '@vigil/db';
import { AppTimers, timersToken } from '@vigil/timers';
import { applyTicketCommand } from '../../domain/apply-ticket-command';
import { DEFAULT_SLA_CONTRACT } from '../../domain/sla-contract';
import { canSeeAsset, decideFaultAccess } from '../../domain/ticket-access';
import { faultActorOf } from '../../fault-actor';
import { FAULTS_OPTIONS, FaultsOptions } from '../../faults.options';
import { FAULTS_SCHEMA } from '../../faults.schema';
import { windowsOver } from '../../maintenance/windows-over';
import { refreshCameraStatus } from '../../register/refresh-camera-status';
import { FaultEntity } from '../fault.entity';
import { recordTicketChange } from '../record-ticket-change';
import { syncClockTimers } from '../sla-timers';
import { camerasOfTickets } from '../ticket-cameras';
import { clockColumns, clocksOf } from '../ticket-clocks';
import { TicketResult } from '../ticket-result';
import { TicketEntity } from '../ticket.entity';
import { toTicketView } from '../ticket-view';
import { TicketCommandWithBody } from './ticket-command';

/**
 * POST /api/tickets/:id/<command>: acknowledge, on-site, fixed (with the engineer's report),
 * verify, reopen (with a reason). The row is locked and written only at the version the caller saw
 * (409 with the ticket when behind); the change, its timeline entry, its event, the cameras' status
 * and the SLA timers are one transaction.
 */
@Injectable()
export class ChangeTicketUseCase {
  constructor(
    @InjectDataSource(FAULTS_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    @Inject(timersToken(FAULTS_SCHEMA)) private readonly timers: AppTimers,
    @Inject(FAULTS_OPTIONS) private readonly options: FaultsOptions,
  ) {}

  async execute(principal: Principal, ticketId: string, command: TicketCommandWithBody, now = new Date()): Promise<TicketResult> {
    if (!isUuid(ticketId)) return { kind: 'not-found', what: `ticket ${ticketId}` };
    const actor = faultActorOf(principal);
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.findOne(TicketEntity, { where: { id: ticketId }, lock: { mode: 'pessimistic_write' } });
      if (!before || !canSeeAsset(actor, before)) return { kind: 'not-found', what: `ticket ${ticketId}` };
      const cameraIds = (await camerasOfTickets(manager, [before.id])).get(before.id) ?? [];
      const access = decideFaultAccess(actor, before, command.name, before.status);
      if (access !== 'allowed') return { kind: 'forbidden', message: `a ${principal.role} may not ${command.name} a ${before.status} ticket` };
      if (before.version !== command.body.version) return { kind: 'stale', sentVersion: command.body.version, current: toTicketView(before, cameraIds) };
      return this.apply(manager, principal, before, cameraIds, command, now);
    });
  }

  private async apply(manager: EntityManager, principal: Principal, before: TicketEntity, cameraIds: string[], command: TicketCommandWithBody, now: Date): Promise<TicketResult> {
    const contract = this.options.slaContract ?? DEFAULT_SLA_CONTRACT;
    const windows = command.name === 'reopen' ? await windowsOver(manager, { cameraIds, siteIds: before.siteId ? [before.siteId] : [], owner: before.partnerId ?? before.clientName ?? '' }) : [];
    const decided = applyTicketCommand({ status: before.status, severity: before.severity, clocks: clocksOf(before) }, command.name, now.getTime(), contract, windows);
    if (!decided.ok) return { kind: 'refused', reason: decided.reason, message: `cannot ${command.name} a ${before.status} ticket: ${decided.reason}` };
    const { effect } = decided;
    const patch: Partial<TicketEntity> = { status: effect.status, ...clockColumns(effect.clocks) };
    if (command.name === 'fixed') patch.engineerReport = command.body.report;
    if (command.name === 'verify') patch.verifiedAt = now;
    if (command.name === 'reopen') Object.assign(patch, { reopenCount: before.reopenCount + 1, verifiedAt: null });
    const after = await recordTicketChange(manager, this.publisher, {
      before,
      cameraIds,
      change: effect.change,
      patch,
      actor: principal.subject,
      reason: command.name === 'reopen' ? command.body.reason : null,
      detail: detailOf(command),
      now,
    });
    if (effect.faults === 'close') await manager.update(FaultEntity, { ticketId: before.id, closedAt: IsNull() }, { closedAt: now });
    if (effect.faults === 'reopen') await manager.update(FaultEntity, { ticketId: before.id, closedAt: Not(IsNull()) }, { closedAt: null });
    if (effect.faults !== 'keep') await refreshCameraStatus(manager, this.publisher, cameraIds, principal.subject, now);
    await syncClockTimers(this.timers, before.id, effect.clocks, manager);
    return { kind: 'changed', ticket: toTicketView(after, cameraIds) };
  }
}

/** What the timeline keeps of a command besides who and why. */
function detailOf(command: TicketCommandWithBody): Record<string, string | number | boolean | null | object> {
  switch (command.name) {
    case 'on-site':
      return { engineer: command.body.engineer };
    case 'fixed':
      return { report: command.body.report };
    default:
      return {};
  }
}
