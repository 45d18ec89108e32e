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
  lat: number | null;
  lon: number | null;
}

// Generous, so that the decision (not this query) says "window passed" about a near miss.
const LOOK_BACK_WINDOWS = 2;
const FEWEST_METRES_PER_DEGREE = 110_000;

/**
 * Open incidents with a call sharing one of the place keys, or a call with a point in the box
 * around `point`, whose last call is recent; each with every call's keys and points. The call's
 * place locks are held, so no other replica can add one of these meanwhile.
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
  const rows: Row[] = await manager.query(
    `WITH near AS (
       SELECT DISTINCT c.incident_id FROM "${TRIAGE_SCHEMA}"."call" c
       WHERE c.incident_id IS NOT NULL
         AND (c.place_keys && $1::text[] OR ($2::float8 IS NOT NULL AND c.lat BETWEEN $2 AND $3 AND c.lon BETWEEN $4 AND $5)))
     SELECT i.id, i.category, i.grade, i.last_call_at, c.place_keys, c.lat, c.lon
     FROM near JOIN "${TRIAGE_SCHEMA}"."incident" i ON i.id = near.incident_id JOIN "${TRIAGE_SCHEMA}"."call" c ON c.incident_id = i.id
     WHERE i.status <> 'closed' AND i.merged_into IS NULL AND i.last_call_at >= $6`,
    [place.placeKeys, box?.minLat ?? null, box?.maxLat ?? null, box?.minLon ?? null, box?.maxLon ?? null, since],
  );
  return groupByIncident(rows);
}

function groupByIncident(rows: Row[]): NearbyIncident[] {
  const byId = new Map<string, NearbyIncident & { placeKeys: string[]; points: GeoPoint[] }>();
  for (const row of rows) {
    const incident = byId.get(row.id) ?? { incidentId: row.id, category: row.category, grade: row.grade, lastCallAt: row.last_call_at, placeKeys: [], points: [] };
    incident.placeKeys.push(...row.place_keys.filter((key) => !incident.placeKeys.includes(key)));
    if (row.lat !== null && row.lon !== null) incident.points.push({ lat: row.lat, lon: row.lon });
    byId.set(row.id, incident);
  }
  return [...byId.values()];
}

function boxAround(point: GeoPoint, metres: number) {
  const lat = metres / FEWEST_METRES_PER_DEGREE;
  const lon = metres / (FEWEST_METRES_PER_DEGREE * Math.max(0.01, Math.cos((point.lat * Math.PI) / 180)));
  return { minLat: point.lat - lat, maxLat: point.lat + lat, minLon: point.lon - lon, maxLon: point.lon + lon };
}
