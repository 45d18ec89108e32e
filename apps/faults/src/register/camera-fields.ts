import { RegisterCamera } from '@vigil/contracts';
import { CameraEntity } from './camera.entity';

/** The fields a register entry (REST or an asset list) sets on a camera; status and flags are not among them. */
export const CAMERA_FIELDS = ['number', 'location', 'partnerId', 'clientName', 'town', 'siteId', 'networkSegment', 'lat', 'lon', 'type', 'monitoring', 'retentionDays'] as const;

/** The register fields of `input` that differ from `camera`'s, as a patch (empty when nothing would change). */
export function cameraPatch(camera: Pick<CameraEntity, (typeof CAMERA_FIELDS)[number]>, input: Partial<RegisterCamera>): Partial<CameraEntity> {
  const patch: Record<string, unknown> = {};
  for (const field of CAMERA_FIELDS) if (input[field] !== undefined && input[field] !== camera[field]) patch[field] = input[field];
  return patch as Partial<CameraEntity>;
}

/** A camera as first registered: in service, version 1. */
export function newCamera(input: RegisterCamera, now: Date): CameraEntity {
  return {
    ...input,
    status: 'in-service',
    withdrawn: false,
    decommissioned: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}
