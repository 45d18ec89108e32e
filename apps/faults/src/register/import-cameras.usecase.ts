import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Principal } from '@vigil/auth';
import { EventPublisher } from '@vigil/bus';
import { CameraImportResult, RegisterCamera } from '@vigil/contracts';
import { appendAllToOutbox, insertEntities, OutboxEntry } from '@vigil/db';
import { cameraStatusOf } from '../domain/camera-status';
import { decideFaultAccess } from '../domain/ticket-access';
import { faultActorOf } from '../fault-actor';
import { FAULTS_SCHEMA } from '../faults.schema';
import { cameraChangeEvents } from './announce-camera';
import { AssetListRow, readAssetList } from './asset-list';
import { cameraPatch, newCamera } from './camera-fields';
import { readCameraStatusFacts } from './camera-status-facts';
import { CameraEntity } from './camera.entity';
import { parseCsv } from './csv/parse-csv';
import { ensureSites } from './ensure-site';

/** The import refused: the caller's role, or a file that cannot be read at all (the CSV or its header). */
export type ImportRefusal = { kind: 'forbidden'; message: string } | { kind: 'unreadable'; message: string };

/**
 * POST /api/cameras/import: a council's asset list (CSV) brought into the register in one
 * transaction. New cameras are registered, changed ones updated (the list is the owner's record of
 * its assets, so no version is asked), the same ones left alone; every row that cannot be taken is
 * reported by line with all its problems, and the rest go in.
 */
@Injectable()
export class ImportCamerasUseCase {
  constructor(
    @InjectDataSource(FAULTS_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
  ) {}

  /** Reads and imports a CSV asset list as `principal`. */
  async execute(principal: Principal, csv: string, now = new Date()): Promise<CameraImportResult | ImportRefusal> {
    if (decideFaultAccess(faultActorOf(principal), { partnerId: null }, 'manage-register') !== 'allowed') return { kind: 'forbidden', message: 'only the control room keeps the camera register' };
    let rows: AssetListRow[];
    try {
      rows = readAssetList(parseCsv(csv));
    } catch (error) {
      return { kind: 'unreadable', message: (error as Error).message };
    }
    return this.importRows(rows, principal.subject, now);
  }

  /** Imports rows already read (the demo register goes in this way too). */
  async importRows(rows: readonly AssetListRow[], changedBy: string, now = new Date()): Promise<CameraImportResult> {
    const refused = rows.flatMap((row) => ('problems' in row ? [{ line: row.line, cameraId: row.cameraId, problems: row.problems }] : []));
    const valid = rows.flatMap((row) => ('camera' in row ? [row] : []));
    return this.dataSource.transaction(async (manager) => {
      const conflicts = await ensureSites(manager, valid.map((row) => row.camera), now);
      for (const row of valid.filter((r) => conflicts.has(r.camera.cameraId))) {
        refused.push({ line: row.line, cameraId: row.camera.cameraId, problems: [`siteId: site ${row.camera.siteId} belongs to another owner`] });
      }
      const accepted = valid.filter((row) => !conflicts.has(row.camera.cameraId)).map((row) => row.camera);
      const counts = await this.save(manager, accepted, changedBy, now);
      return { ...counts, refused: refused.sort((a, b) => a.line - b.line) };
    });
  }

  private async save(manager: EntityManager, cameras: RegisterCamera[], changedBy: string, now: Date): Promise<Omit<CameraImportResult, 'refused'>> {
    const existing = new Map(
      (await manager.find(CameraEntity, { where: { cameraId: In(cameras.map((c) => c.cameraId)) }, lock: { mode: 'pessimistic_write' } })).map((c) => [c.cameraId, c]),
    );
    const events: OutboxEntry[] = [];
    const created = cameras.filter((c) => !existing.has(c.cameraId)).map((c) => newCamera(c, now));
    await insertEntities(manager, CameraEntity, created);
    for (const camera of created) events.push(...cameraChangeEvents(this.publisher, camera, { change: 'registered', previousStatus: null, changedBy, reason: 'asset list import' }, now));
    let updated = 0;
    for (const input of cameras) {
      const before = existing.get(input.cameraId);
      const patch = before ? cameraPatch(before, input) : {};
      if (!before || Object.keys(patch).length === 0) continue;
      const merged: CameraEntity = { ...before, ...patch };
      const { status } = cameraStatusOf(await readCameraStatusFacts(manager, merged, now));
      const after: CameraEntity = { ...merged, status, version: before.version + 1, updatedAt: now };
      await manager.update(CameraEntity, { cameraId: before.cameraId, version: before.version }, { ...patch, status, version: after.version, updatedAt: now });
      const change = status !== before.status ? 'status-changed' : 'updated';
      events.push(...cameraChangeEvents(this.publisher, after, { change, previousStatus: before.status, changedBy, reason: 'asset list import' }, now));
      updated += 1;
    }
    await appendAllToOutbox(manager, FAULTS_SCHEMA, events);
    return { registered: created.length, updated, unchanged: cameras.length - created.length - updated };
  }
}
