import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@vigil/auth';
import { EventPublisher } from '@vigil/bus';
import { RegisterCamera } from '@vigil/contracts';
import { appendAllToOutbox } from '@vigil/db';
import { decideFaultAccess } from '../domain/ticket-access';
import { faultActorOf } from '../fault-actor';
import { FAULTS_SCHEMA } from '../faults.schema';
import { cameraChangeEvents } from './announce-camera';
import { newCamera } from './camera-fields';
import { CameraEntity } from './camera.entity';
import { toCameraView } from './camera-view';
import { ensureSites } from './ensure-site';
import { RegisterResult } from './register-result';

/** POST /api/cameras: a new camera joins the register, in service, announced as `camera.<owner>.registered`. */
@Injectable()
export class RegisterCameraUseCase {
  constructor(
    @InjectDataSource(FAULTS_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
  ) {}

  async execute(principal: Principal, input: RegisterCamera, now = new Date()): Promise<RegisterResult> {
    if (decideFaultAccess(faultActorOf(principal), input, 'manage-register') !== 'allowed') return { kind: 'forbidden', message: 'only the control room keeps the camera register' };
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOneBy(CameraEntity, { cameraId: input.cameraId });
      if (existing) return { kind: 'exists', current: toCameraView(existing) };
      if ((await ensureSites(manager, [input], now)).size > 0) {
        return { kind: 'refused', reason: 'site-of-another-owner', message: `site ${input.siteId} belongs to another owner: a cabinet serves one owner` };
      }
      const camera = newCamera(input, now);
      // A concurrent registration of the same id fails here on the primary key, and the transaction with it.
      await manager.insert(CameraEntity, camera);
      await appendAllToOutbox(manager, FAULTS_SCHEMA, cameraChangeEvents(this.publisher, camera, { change: 'registered', previousStatus: null, changedBy: principal.subject, reason: null }, now));
      return { kind: 'saved', camera: toCameraView(camera) };
    });
  }
}
