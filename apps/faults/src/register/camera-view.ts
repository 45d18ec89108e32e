import { Camera } from '@vigil/contracts';
import { isInPublicView } from '../domain/camera-status';
import { CameraEntity } from './camera.entity';

/** A stored camera as the API and events show it. */
export function toCameraView(camera: CameraEntity): Camera {
  return {
    cameraId: camera.cameraId,
    number: camera.number,
    location: camera.location,
    partnerId: camera.partnerId,
    clientName: camera.clientName,
    town: camera.town,
    siteId: camera.siteId,
    networkSegment: camera.networkSegment,
    lat: camera.lat,
    lon: camera.lon,
    type: camera.type,
    monitoring: camera.monitoring,
    retentionDays: camera.retentionDays,
    status: camera.status,
    inPublicView: isInPublicView(camera.status),
    updatedAt: camera.updatedAt.toISOString(),
    version: camera.version,
  };
}
