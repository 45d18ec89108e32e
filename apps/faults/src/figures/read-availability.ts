import { EntityManager } from 'typeorm';
import { CameraAvailabilityRow, OwnerAvailabilityRow } from '@vigil/contracts';
import { addAvailability, Availability, cameraAvailability } from '../domain/figures/availability';
import { FiguresScope } from '../domain/figures/figures-access';
import { Interval } from '../domain/working-time';
import { cameraInScope, ownerOf, scopeParams } from './figures-scope';
import { availabilityFigures } from './figures-units';
import { maintenanceAfter, windowsCovering } from './maintenance-in-period';

interface CameraDownRow {
  camera_id: string;
  number: string;
  owner: string;
  site_id: string;
  created_at: Date;
  down: { from: string; to: string | null }[];
}

// Postgres picks each camera's faults that overlap the period (by the camera's index) and hands
// them over per camera; a camera without faults comes back with none and is up all its time.
const CAMERAS_SQL = `
  SELECT c."camera_id", c."number", ${ownerOf('c')} AS owner, c."site_id", c."created_at",
         COALESCE(json_agg(json_build_object('from', f."opened_at", 'to', f."closed_at")) FILTER (WHERE f."id" IS NOT NULL), '[]') AS down
  FROM "faults"."camera" c
  LEFT JOIN "faults"."fault" f ON f."camera_id" = c."camera_id" AND f."opened_at" < $2 AND (f."closed_at" IS NULL OR f."closed_at" > $1)
  WHERE ${cameraInScope('c', '$3', '$4')}
  GROUP BY c."camera_id"
  ORDER BY c."camera_id"`;

/** One camera's availability over the past part of a period, and whose it is. */
export interface CameraAvailability extends Availability {
  cameraId: string;
  number: string;
  owner: string;
}

/**
 * Every camera in scope over `period` (cut at now by the caller): from its registration, less the
 * planned maintenance over it (its own, its site's, its owner's), down while a fault was open.
 */
export async function readCameraAvailability(manager: EntityManager, period: Interval, scope: FiguresScope): Promise<CameraAvailability[]> {
  const cameras: CameraDownRow[] = await manager.query(CAMERAS_SQL, [new Date(period.start), new Date(period.end), ...scopeParams(scope)]);
  const windows = await maintenanceAfter(manager, period.start);
  return cameras.map((c) => {
    const own = { start: Math.max(period.start, c.created_at.getTime()), end: period.end };
    const down = c.down.map((d) => ({ start: Date.parse(d.from), end: d.to === null ? period.end : Date.parse(d.to) }));
    const maintenance = windowsCovering(windows, { cameraIds: [c.camera_id], siteIds: [c.site_id], owner: c.owner });
    return { cameraId: c.camera_id, number: c.number, owner: c.owner, ...cameraAvailability(own, down, maintenance) };
  });
}

/** The rows of the per-camera report. */
export function cameraAvailabilityRows(cameras: readonly CameraAvailability[]): CameraAvailabilityRow[] {
  return cameras.map((c) => ({ cameraId: c.cameraId, number: c.number, owner: c.owner, ...availabilityFigures(c) }));
}

/** The rows of the per-owner report: each owner's cameras added up, owners in name order. */
export function ownerAvailabilityRows(cameras: readonly CameraAvailability[]): OwnerAvailabilityRow[] {
  const byOwner = new Map<string, CameraAvailability[]>();
  for (const c of cameras) {
    const own = byOwner.get(c.owner) ?? [];
    own.push(c);
    byOwner.set(c.owner, own);
  }
  return [...byOwner.keys()].sort().map((owner) => {
    const own = byOwner.get(owner)!;
    return { owner, cameras: own.length, ...availabilityFigures(addAvailability(own)) };
  });
}
