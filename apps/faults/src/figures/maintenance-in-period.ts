import { EntityManager } from 'typeorm';
import { Interval } from '../domain/working-time';
import { FAULTS_SCHEMA } from '../faults.schema';

/** A planned maintenance window and what it covers. */
export interface PlannedWindow extends Interval {
  scope: 'camera' | 'site' | 'owner';
  target: string;
}

/** What a camera or ticket is, for the windows over it: the same targets windowsOver matches in SQL. */
export interface WindowTargets {
  cameraIds: readonly string[];
  siteIds: readonly string[];
  owner: string;
}

/** Planned windows (not cancelled) that end after `from`: few, so they are matched to cameras in memory. */
export async function maintenanceAfter(manager: EntityManager, from: number): Promise<PlannedWindow[]> {
  const rows: { scope: PlannedWindow['scope']; target: string; starts_at: Date; ends_at: Date }[] = await manager.query(
    `SELECT "scope", "target", "starts_at", "ends_at" FROM "${FAULTS_SCHEMA}"."maintenance_window" WHERE "cancelled_at" IS NULL AND "ends_at" > $1`,
    [new Date(from)],
  );
  return rows.map((row) => ({ scope: row.scope, target: row.target, start: row.starts_at.getTime(), end: row.ends_at.getTime() }));
}

/** The windows over any of the targets: a window over some of a grouped ticket's cameras stops its clock, as it did the SLA's. */
export function windowsCovering(windows: readonly PlannedWindow[], targets: WindowTargets): Interval[] {
  return windows.filter(
    (w) => (w.scope === 'camera' && targets.cameraIds.includes(w.target)) || (w.scope === 'site' && targets.siteIds.includes(w.target)) || (w.scope === 'owner' && w.target === targets.owner),
  );
}
