import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '@vigil/auth';
import { EventPublisher } from '@vigil/bus';
import { CreateMaintenanceWindow } from '@vigil/contracts';
import { appendAllToOutbox, isUuid } from '@vigil/db';
import { AppTimers, timersToken } from '@vigil/timers';
import { DEFAULT_SLA_CONTRACT } from '../domain/sla-contract';
import { decideFaultAccess } from '../domain/ticket-access';
import { faultActorOf } from '../fault-actor';
import { FAULTS_OPTIONS, FaultsOptions } from '../faults.options';
import { FAULTS_SCHEMA } from '../faults.schema';
import { refreshCameraStatus } from '../register/refresh-camera-status';
import { windowChangedEvent } from './announce-window';
import { MaintenanceResult } from './maintenance-result';
import { MaintenanceWindowEntity } from './maintenance-window.entity';
import { toMaintenanceWindowView } from './maintenance-window-view';
import { moveDeadlines, WindowScope } from './move-deadlines';

/**
 * Plans and cancels maintenance windows (POST /api/maintenance-windows, …/:id/cancel). A window
 * stops the SLA clocks of the open tickets it covers, so creating one moves their deadlines later
 * and cancelling one gives the time back, each moved ticket announced as `deadlines-moved`; the
 * cameras it covers are in maintenance while it lasts. Each version of the window is announced
 * (`maintenanceWindowChanged`) in the same transaction, for notify to hold back what it covers.
 */
@Injectable()
export class PlanMaintenanceUseCase {
  constructor(
    @InjectDataSource(FAULTS_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    @Inject(timersToken(FAULTS_SCHEMA)) private readonly timers: AppTimers,
    @Inject(FAULTS_OPTIONS) private readonly options: FaultsOptions,
  ) {}

  async create(principal: Principal, input: CreateMaintenanceWindow, now = new Date()): Promise<MaintenanceResult> {
    if (decideFaultAccess(faultActorOf(principal), { partnerId: null }, 'plan-maintenance') !== 'allowed') return { kind: 'forbidden', message: 'the control room plans maintenance' };
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.targetExists(manager, input))) return { kind: 'refused', reason: 'unknown-target', message: `no ${input.scope} ${input.target} in the register` };
      const window: MaintenanceWindowEntity = {
        id: randomUUID(),
        scope: input.scope,
        target: input.target,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        reason: input.reason,
        createdBy: principal.subject,
        createdAt: now,
        cancelledAt: null,
        cancelledBy: null,
        cancelReason: null,
        version: 1,
      };
      await manager.insert(MaintenanceWindowEntity, window);
      await appendAllToOutbox(manager, FAULTS_SCHEMA, [windowChangedEvent(this.publisher, window, now)]);
      const ticketsMoved = await this.follow(manager, window, principal.subject, `planned maintenance: ${input.reason}`, now);
      return { kind: 'saved', window: toMaintenanceWindowView(window), ticketsMoved };
    });
  }

  async cancel(principal: Principal, windowId: string, input: { version: number; reason: string }, now = new Date()): Promise<MaintenanceResult> {
    if (decideFaultAccess(faultActorOf(principal), { partnerId: null }, 'plan-maintenance') !== 'allowed') return { kind: 'forbidden', message: 'the control room plans maintenance' };
    if (!isUuid(windowId)) return { kind: 'not-found', windowId };
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.findOne(MaintenanceWindowEntity, { where: { id: windowId }, lock: { mode: 'pessimistic_write' } });
      if (!before) return { kind: 'not-found', windowId };
      if (before.version !== input.version) return { kind: 'stale', sentVersion: input.version, current: toMaintenanceWindowView(before) };
      if (before.cancelledAt) return { kind: 'refused', reason: 'already-cancelled', message: 'the window is already cancelled' };
      const after: MaintenanceWindowEntity = { ...before, cancelledAt: now, cancelledBy: principal.subject, cancelReason: input.reason, version: before.version + 1 };
      await manager.update(MaintenanceWindowEntity, { id: before.id, version: before.version }, { cancelledAt: now, cancelledBy: principal.subject, cancelReason: input.reason, version: after.version });
      await appendAllToOutbox(manager, FAULTS_SCHEMA, [windowChangedEvent(this.publisher, after, now)]);
      const ticketsMoved = await this.follow(manager, after, principal.subject, `maintenance cancelled: ${input.reason}`, now);
      return { kind: 'saved', window: toMaintenanceWindowView(after), ticketsMoved };
    });
  }

  /** Moves the covered tickets' deadlines and, when the window spans now, the covered cameras' status. */
  private async follow(manager: EntityManager, window: MaintenanceWindowEntity, actor: string, reason: string, now: Date): Promise<number> {
    const scope: WindowScope = { scope: window.scope, target: window.target };
    const moved = await moveDeadlines(manager, this.publisher, this.timers, scope, this.options.slaContract ?? DEFAULT_SLA_CONTRACT, actor, reason, now);
    if (window.startsAt <= now && window.endsAt > now) {
      const cameras: { camera_id: string }[] = await manager.query(
        `SELECT "camera_id" FROM "${FAULTS_SCHEMA}"."camera" WHERE ($1 = 'camera' AND "camera_id" = $2) OR ($1 = 'site' AND "site_id" = $2) OR ($1 = 'owner' AND coalesce("partner_id", "client_name") = $2)`,
        [window.scope, window.target],
      );
      await refreshCameraStatus(manager, this.publisher, cameras.map((c) => c.camera_id), actor, now);
    }
    return moved;
  }

  private async targetExists(manager: EntityManager, input: CreateMaintenanceWindow): Promise<boolean> {
    const [row]: { found: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM "${FAULTS_SCHEMA}"."camera" WHERE ($1 = 'camera' AND "camera_id" = $2) OR ($1 = 'site' AND "site_id" = $2) OR ($1 = 'owner' AND coalesce("partner_id", "client_name") = $2)) AS found`,
      [input.scope, input.target],
    );
    return row.found;
  }
}
