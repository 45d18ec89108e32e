import { EntityManager } from 'typeorm';
import { OutageGroup } from '../domain/outage-grouping';
import { FAULTS_SCHEMA } from '../faults.schema';
import { CameraEntity } from '../register/camera.entity';

/**
 * The camera's network segment and site as outage grouping sees them, widest first, each read
 * under a transaction-scoped advisory lock on the group: two replicas writing two cameras of one
 * site take turns, so the second sees the first's ticket and one outage makes one parent ticket.
 * Locks are taken network before site by every writer, so they cannot deadlock. A parent is
 * joined only if one of its cameras went down within the window of this one; a camera's own
 * ticket is absorbed only while it is still only reported (the contractor has not picked it up).
 */
export async function outageGroupsOf(manager: EntityManager, camera: CameraEntity, downAt: Date, windowMs: number): Promise<OutageGroup[]> {
  const groups: { kind: 'site' | 'network'; id: string; column: 'network_segment' | 'site_id' }[] = [];
  if (camera.networkSegment) groups.push({ kind: 'network', id: camera.networkSegment, column: 'network_segment' });
  groups.push({ kind: 'site', id: camera.siteId, column: 'site_id' });
  const read: OutageGroup[] = [];
  for (const group of groups) {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`faults:outage:${group.kind}:${group.id}`]);
    const [{ count }]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM "${FAULTS_SCHEMA}"."camera" WHERE "${group.column}" = $1 AND NOT "decommissioned"`,
      [group.id],
    );
    const [parent]: { id: string }[] = await manager.query(
      `SELECT t."id" FROM "${FAULTS_SCHEMA}"."ticket" t
       WHERE t."scope" = $1 AND t."site_id" = $2 AND t."status" NOT IN ('verified', 'merged')
         AND EXISTS (SELECT 1 FROM "${FAULTS_SCHEMA}"."fault" f WHERE f."ticket_id" = t."id" AND f."opened_at" BETWEEN $3::timestamptz - $4 * interval '1 millisecond' AND $3::timestamptz + $4 * interval '1 millisecond')
       ORDER BY t."reported_at" DESC LIMIT 1`,
      [group.kind, group.id, downAt, windowMs],
    );
    const down: { camera_id: string; opened_at: Date }[] = await manager.query(
      `SELECT f."camera_id", f."opened_at" FROM "${FAULTS_SCHEMA}"."fault" f
       JOIN "${FAULTS_SCHEMA}"."ticket" t ON t."id" = f."ticket_id"
       JOIN "${FAULTS_SCHEMA}"."camera" c ON c."camera_id" = f."camera_id"
       WHERE c."${group.column}" = $1 AND t."scope" = 'camera' AND t."origin" = 'health-watchdog' AND t."status" = 'reported' AND f."closed_at" IS NULL`,
      [group.id],
    );
    read.push({
      kind: group.kind,
      id: group.id,
      cameraCount: count,
      openParentTicketId: parent?.id ?? null,
      downCameras: down.map((d) => ({ cameraId: d.camera_id, downAt: d.opened_at.getTime() })),
    });
  }
  return read;
}
