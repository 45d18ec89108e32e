import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '@vigil/auth';
import { EventPublisher } from '@vigil/bus';
import { UpdateCamera } from '@vigil/contracts';
import { appendAllToOutbox } from '@vigil/db';
import { cameraStatusOf } from '../domain/camera-status';
import { canSeeAsset, decideFaultAccess } from '../domain/ticket-access';
import { faultActorOf } from '../fault-actor';
import { FAULTS_SCHEMA } from '../faults.schema';
import { cameraChangeEvents } from './announce-camera';
import { cameraPatch } from './camera-fields';
import { readCameraStatusFacts } from './camera-status-facts';
import { CameraEntity } from './camera.entity';
import { toCameraView } from './camera-view';
import { ensureSites } from './ensure-site';
import { RegisterResult } from './register-result';

/**
 * PATCH /api/cameras/:id: changes the record with the version the caller saw (`UPDATE … WHERE
 * version`, 409 when behind). `status` withdraws a camera from public view, returns it, or
 * decommissions it; its status then follows from all its facts (an open fault still wins).
 */
@Injectable()
export class UpdateCameraUseCase {
  constructor(
    @InjectDataSource(FAULTS_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
  ) {}

  async execute(principal: Principal, cameraId: string, input: UpdateCamera, now = new Date()): Promise<RegisterResult> {
    const actor = faultActorOf(principal);
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.findOne(CameraEntity, { where: { cameraId }, lock: { mode: 'pessimistic_write' } });
      if (!before || !canSeeAsset(actor, before)) return { kind: 'not-found', cameraId };
      if (decideFaultAccess(actor, before, 'manage-register') !== 'allowed') return { kind: 'forbidden', message: 'only the control room keeps the camera register' };
      if (before.version !== input.version) return { kind: 'stale', sentVersion: input.version, current: toCameraView(before) };
      return this.apply(manager, principal, before, input, now);
    });
  }

  private async apply(manager: EntityManager, principal: Principal, before: CameraEntity, input: UpdateCamera, now: Date): Promise<RegisterResult> {
    const patch: Partial<CameraEntity> = { ...cameraPatch(before, ownerMovedWhole(input)), ...flagsOf(before, input) };
    if (Object.keys(patch).length === 0) return { kind: 'refused', reason: 'unchanged', message: 'nothing to change: the camera already reads so' };
    const merged: CameraEntity = { ...before, ...patch };
    if ((merged.partnerId === null) === (merged.clientName === null)) return { kind: 'refused', reason: 'one-owner', message: 'a camera has a partner or a client, exactly one' };
    if (patch.siteId !== undefined || patch.partnerId !== undefined || patch.clientName !== undefined) {
      if ((await ensureSites(manager, [merged], now)).size > 0) return { kind: 'refused', reason: 'site-of-another-owner', message: `site ${merged.siteId} belongs to another owner` };
    }
    const { status } = cameraStatusOf(await readCameraStatusFacts(manager, merged, now));
    const after: CameraEntity = { ...merged, status, version: before.version + 1, updatedAt: now };
    await manager.update(CameraEntity, { cameraId: before.cameraId, version: before.version }, { ...patch, status, version: after.version, updatedAt: now });
    const change = status !== before.status ? 'status-changed' : 'updated';
    const author = { change, previousStatus: before.status, changedBy: principal.subject, reason: input.reason ?? null } as const;
    await appendAllToOutbox(manager, FAULTS_SCHEMA, cameraChangeEvents(this.publisher, after, author, now));
    return { kind: 'saved', camera: toCameraView(after) };
  }
}

/** Naming one owner means that one alone: a partner given clears the client and the other way round. */
function ownerMovedWhole(input: UpdateCamera): UpdateCamera {
  if (input.partnerId && input.clientName === undefined) return { ...input, clientName: null };
  if (input.clientName && input.partnerId === undefined) return { ...input, partnerId: null };
  return input;
}

/** The flags a requested status sets: withdrawn, returned to service, or decommissioned. */
function flagsOf(before: CameraEntity, input: UpdateCamera): Partial<CameraEntity> {
  switch (input.status) {
    case undefined:
      return {};
    case 'out-of-public-view':
      return before.withdrawn ? {} : { withdrawn: true };
    case 'decommissioned':
      return before.decommissioned ? {} : { decommissioned: true };
    case 'in-service':
      return before.withdrawn || before.decommissioned ? { withdrawn: false, decommissioned: false } : {};
  }
}
