import { EntityManager } from 'typeorm';
import { CorrelationPolicy } from '../domain/correlation-policy';
import { NearbyIncident } from '../domain/correlate-call';
import { GeoPoint } from '../domain/locate-call';
import { TRIAGE_SCHEMA } from '../triage.schema';

interface Row {
  id: string;
  category: string;
  grade: number;
  last_call_at: Date;
  place_keys: string[];
  points: GeoPoint[];
}

// Generous, so that the decision (not this query) says "window passed" about a near miss.
const LOOK_BACK_WINDOWS = 2;
const FEWEST_METRES_PER_DEGREE = 110_000;

/**
 * Open incidents with a call sharing one of the place keys, or a call with a point in the box
 * around `point`, whose last call is recent: each with the keys it shares with the call and its
 * distinct points inside the box, which is all correlation compares. Aggregated here, so an
 * incident with a thousand calls at one shop is one row, not a thousand. The call's place locks
 * are held, so no other replica can add one of these meanwhile.
 */
export async function nearbyIncidents(
  manager: EntityManager,
  place: { placeKeys: readonly string[]; point: GeoPoint | null },
  now: Date,
  policy: CorrelationPolicy,
): Promise<NearbyIncident[]> {
  if (place.placeKeys.length === 0 && !place.point) return [];
  const since = new Date(now.getTime() - LOOK_BACK_WINDOWS * policy.windowMinutes * 60_000);
  const box = place.point ? boxAround(place.point, policy.distanceMetres) : null;
  const inBox = `$2::float8 IS NOT NULL AND c.lat BETWEEN $2 AND $3 AND c.lon BETWEEN $4 AND $5`;
  const rows: Row[] = await manager.query(
    `WITH matching AS (
       SELECT c.incident_id, c.place_keys, CASE WHEN ${inBox} THEN c.lat END AS lat, CASE WHEN ${inBox} THEN c.lon END AS lon
       FROM "${TRIAGE_SCHEMA}"."call" c
       WHERE c.incident_id IS NOT NULL AND (c.place_keys && $1::text[] OR (${inBox}))),
     shared_keys AS (
       SELECT DISTINCT m.incident_id, k FROM matching m, unnest(m.place_keys) k WHERE k = ANY($1::text[])),
     points AS (
       SELECT DISTINCT m.incident_id, m.lat, m.lon FROM matching m WHERE m.lat IS NOT NULL)
     SELECT i.id, i.category, i.grade, i.last_call_at,
       COALESCE((SELECT array_agg(s.k) FROM shared_keys s WHERE s.incident_id = i.id), '{}') AS place_keys,
       COALESCE((SELECT json_agg(json_build_object('lat', p.lat, 'lon', p.lon)) FROM points p WHERE p.incident_id = i.id), '[]') AS points
     FROM "${TRIAGE_SCHEMA}"."incident" i
     WHERE i.id IN (SELECT incident_id FROM matching)
       AND i.status <> 'closed' AND i.merged_into IS NULL AND i.last_call_at >= $6`,
    [place.placeKeys, box?.minLat ?? null, box?.maxLat ?? null, box?.minLon ?? null, box?.maxLon ?? null, since],
  );
  return rows.map((row) => ({ incidentId: row.id, category: row.category, grade: row.grade, lastCallAt: row.last_call_at, placeKeys: row.place_keys, points: row.points }));
}

function boxAround(point: GeoPoint, metres: number) {
  const lat = metres / FEWEST_METRES_PER_DEGREE;
  const lon = metres / (FEWEST_METRES_PER_DEGREE * Math.max(0.01, Math.cos((point.lat * Math.PI) / 180)));
  return { minLat: point.lat - lat, maxLat: point.lat + lat, minLon: point.lon - lon, maxLon: point.lon + lon };
}
