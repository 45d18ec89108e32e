import { EntityManager } from 'typeorm';
import { CameraStatusFacts } from '../domain/camera-status';
import { FAULTS_SCHEMA } from '../faults.schema';
import { CameraEntity } from './camera.entity';

/** A camera's status facts as stored: its own flags, its faults not yet verified, and planned maintenance over it at `now`. */
export async function readCameraStatusFacts(manager: EntityManager, camera: CameraEntity, now: Date): Promise<CameraStatusFacts> {
  const [row]: { unverified: number; in_maintenance: boolean }[] = await manager.query(
    `SELECT
       (SELECT count(*)::int FROM "${FAULTS_SCHEMA}"."fault" f WHERE f."camera_id" = $1 AND f."closed_at" IS NULL) AS unverified,
       EXISTS (
         SELECT 1 FROM "${FAULTS_SCHEMA}"."maintenance_window" w
         WHERE w."cancelled_at" IS NULL AND w."starts_at" <= $2 AND w."ends_at" > $2
           AND ((w."scope" = 'camera' AND w."target" = $1) OR (w."scope" = 'site' AND w."target" = $3) OR (w."scope" = 'owner' AND w."target" = $4))
       ) AS in_maintenance`,
    [camera.cameraId, now, camera.siteId, camera.partnerId ?? camera.clientName],
  );
  return { decommissioned: camera.decommissioned, withdrawn: camera.withdrawn, unverifiedFaults: row.unverified, inMaintenance: row.in_maintenance };
}
