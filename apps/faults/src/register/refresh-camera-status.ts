import { EntityManager, In } from 'typeorm';
import { EventPublisher } from '@vigil/bus';
import { appendAllToOutbox, OutboxEntry } from '@vigil/db';
import { cameraStatusOf } from '../domain/camera-status';
import { FAULTS_SCHEMA } from '../faults.schema';
import { cameraChangeEvents } from './announce-camera';
import { readCameraStatusFacts } from './camera-status-facts';
import { CameraEntity } from './camera.entity';

/**
 * Brings the cameras' stored status in line with their facts after faults or maintenance changed
 * (a fault opened: faulty, out of public view at once; its fix verified: back in service), each
 * change a new version announced as `camera.<owner>.status-changed`, in the caller's transaction.
 * Cameras are locked in id order, so two transactions over overlapping cameras cannot deadlock.
 */
export async function refreshCameraStatus(manager: EntityManager, publisher: EventPublisher, cameraIds: readonly string[], changedBy: string, now: Date): Promise<CameraEntity[]> {
  const cameras = await manager.find(CameraEntity, { where: { cameraId: In([...cameraIds]) }, order: { cameraId: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  const events: OutboxEntry[] = [];
  const changed: CameraEntity[] = [];
  for (const before of cameras) {
    const next = cameraStatusOf(await readCameraStatusFacts(manager, before, now));
    if (next.status === before.status) continue;
    const after: CameraEntity = { ...before, status: next.status, version: before.version + 1, updatedAt: now };
    await manager.update(CameraEntity, { cameraId: before.cameraId, version: before.version }, { status: after.status, version: after.version, updatedAt: now });
    events.push(...cameraChangeEvents(publisher, after, { change: 'status-changed', previousStatus: before.status, changedBy, reason: next.reason }, now));
    changed.push(after);
  }
  await appendAllToOutbox(manager, FAULTS_SCHEMA, events);
  return changed;
}
