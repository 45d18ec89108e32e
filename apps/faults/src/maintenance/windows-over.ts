import { EntityManager } from 'typeorm';
import { Interval } from '../domain/working-time';
import { FAULTS_SCHEMA } from '../faults.schema';

/** What a ticket's cameras are, for the maintenance windows that stop its clocks. */
export interface WindowTargets {
  cameraIds: readonly string[];
  siteIds: readonly string[];
  /** The owner: partner id or client name. */
  owner: string;
}

/** The planned maintenance windows (not cancelled) over any of the targets, as intervals; a window covering some of a grouped ticket's cameras stops its clock. */
export async function windowsOver(manager: EntityManager, targets: WindowTargets): Promise<Interval[]> {
  const rows: { starts_at: Date; ends_at: Date }[] = await manager.query(
    `SELECT "starts_at", "ends_at" FROM "${FAULTS_SCHEMA}"."maintenance_window"
     WHERE "cancelled_at" IS NULL
       AND (("scope" = 'camera' AND "target" = ANY($1)) OR ("scope" = 'site' AND "target" = ANY($2)) OR ("scope" = 'owner' AND "target" = $3))`,
    [targets.cameraIds, targets.siteIds, targets.owner],
  );
  return rows.map((row) => ({ start: row.starts_at.getTime(), end: row.ends_at.getTime() }));
}
