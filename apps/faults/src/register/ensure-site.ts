import { EntityManager } from 'typeorm';
import { FAULTS_SCHEMA } from '../faults.schema';

/** A camera as far as its site goes. */
export interface CameraOnSite {
  cameraId: string;
  siteId: string;
  town: string;
  partnerId: string | null;
  clientName: string | null;
}

/**
 * Creates the sites cameras name (the first camera's owner and town become a new site's) and
 * returns the cameras that name a site of another owner: a cabinet serves one owner, and grouping
 * a site's outage under one owner's ticket relies on it.
 */
export async function ensureSites(manager: EntityManager, cameras: readonly CameraOnSite[], now: Date): Promise<Set<string>> {
  if (cameras.length === 0) return new Set();
  const rows: { camera_id: string }[] = await manager.query(
    `WITH input AS (
       SELECT * FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS ("cameraId" text, "siteId" text, "partnerId" text, "clientName" text, town text))
         WITH ORDINALITY AS w("cameraId", "siteId", "partnerId", "clientName", town, n)
     ), wanted AS (
       SELECT DISTINCT ON ("siteId") "siteId" AS id, "partnerId" AS partner_id, "clientName" AS client_name, town FROM input ORDER BY "siteId", n
     ), inserted AS (
       INSERT INTO "${FAULTS_SCHEMA}"."site" ("id", "partner_id", "client_name", "town", "created_at")
       SELECT id, partner_id, client_name, town, $2 FROM wanted ON CONFLICT ("id") DO NOTHING RETURNING "id"
     )
     -- The statement does not see its own inserts: a new site's owner is the one it is inserted with.
     SELECT i."cameraId" AS camera_id
     FROM input i JOIN wanted w ON w.id = i."siteId" LEFT JOIN "${FAULTS_SCHEMA}"."site" s ON s."id" = i."siteId"
     WHERE COALESCE(s."partner_id", CASE WHEN s."id" IS NULL THEN w.partner_id END) IS DISTINCT FROM i."partnerId"
        OR COALESCE(s."client_name", CASE WHEN s."id" IS NULL THEN w.client_name END) IS DISTINCT FROM i."clientName"`,
    [JSON.stringify(cameras.map(({ cameraId, siteId, partnerId, clientName, town }) => ({ cameraId, siteId, partnerId, clientName, town }))), now],
  );
  return new Set(rows.map((row) => row.camera_id));
}
