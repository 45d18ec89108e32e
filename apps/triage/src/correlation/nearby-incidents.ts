import { EntityManager } from 'typeorm';
import { CorrelationPolicy } from '../domain/correlation-policy';
import { GeoPoint } from '../domain/locate-call';
import { TRIAGE_SCHEMA } from '../triage.schema';

/** Where one call of a batch is, as the look-up needs it. */
export interface CallPlace {
  placeKeys: readonly string[];
  point: GeoPoint | null;
}

/** An incident with a call near one call of the batch (by its index): the keys it shares with it, its points near it. */
export interface NearbyMatch {
  callIndex: number;
  incidentId: string;
  placeKeys: string[];
  points: GeoPoint[];
}

interface Row {
  i: number;
  incident_id: string;
  place_keys: string[];
  points: GeoPoint[];
}

// Generous, so that the decision (not this query) says "window passed" about a near miss.
const LOOK_BACK_WINDOWS = 2;
const FEWEST_METRES_PER_DEGREE = 110_000;

/**
 * For every call of a batch at once, in one round trip: the open incidents with a call sharing
 * one of its place keys, or a call with a point in the box around its point, whose last call is
 * recent, each with the keys it shares with the call and its distinct points inside the box,
 * which is all correlation compares. Aggregated here, so an incident with a thousand calls at one
 * shop is one row per call of the batch, not a thousand. The two ways to be near are two joins,
 * each on its own index (a GIN on place keys, a b-tree on the point). The batch's place locks are
 * held, so no other replica can add a call at these places meanwhile.
 */
export async function nearbyIncidents(manager: EntityManager, places: readonly CallPlace[], now: Date, policy: CorrelationPolicy): Promise<NearbyMatch[]> {
  const asked = places
    .map((place, i) => ({ i, keys: place.placeKeys, ...(place.point ? boxAround(place.point, policy.distanceMetres) : {}) }))
    .filter((place) => place.keys.length > 0 || place.min_lat !== undefined);
  if (asked.length === 0) return [];
  const since = new Date(now.getTime() - LOOK_BACK_WINDOWS * policy.windowMinutes * 60_000);
  const rows: Row[] = await manager.query(
    `WITH asked AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS q(i int, keys text[], min_lat float8, max_lat float8, min_lon float8, max_lon float8)),
     by_key AS (
       SELECT q.i, c.incident_id, c.place_keys, q.keys AS asked_keys FROM asked q
       JOIN "${TRIAGE_SCHEMA}"."call" c ON c.place_keys && q.keys AND c.incident_id IS NOT NULL),
     by_point AS (
       SELECT q.i, c.incident_id, c.lat, c.lon FROM asked q
       JOIN "${TRIAGE_SCHEMA}"."call" c ON q.min_lat IS NOT NULL AND c.lat BETWEEN q.min_lat AND q.max_lat AND c.lon BETWEEN q.min_lon AND q.max_lon
         AND c.incident_id IS NOT NULL),
     shared_keys AS (
       SELECT DISTINCT m.i, m.incident_id, k FROM by_key m, unnest(m.place_keys) k WHERE k = ANY(m.asked_keys)),
     keys_of AS (
       SELECT i, incident_id, array_agg(k) AS place_keys FROM shared_keys GROUP BY i, incident_id),
     points_of AS (
       SELECT i, incident_id, json_agg(json_build_object('lat', lat, 'lon', lon)) AS points
       FROM (SELECT DISTINCT i, incident_id, lat, lon FROM by_point) d GROUP BY i, incident_id)
     SELECT i, incident_id, COALESCE(k.place_keys, '{}') AS place_keys, COALESCE(o.points, '[]') AS points
     FROM keys_of k FULL JOIN points_of o USING (i, incident_id)
     JOIN "${TRIAGE_SCHEMA}"."incident" inc ON inc.id = incident_id
     WHERE inc.status <> 'closed' AND inc.merged_into IS NULL AND inc.last_call_at >= $2`,
    [JSON.stringify(asked), since],
  );
  return rows.map((row) => ({ callIndex: row.i, incidentId: row.incident_id, placeKeys: row.place_keys, points: row.points }));
}

function boxAround(point: GeoPoint, metres: number) {
  const lat = metres / FEWEST_METRES_PER_DEGREE;
  const lon = metres / (FEWEST_METRES_PER_DEGREE * Math.max(0.01, Math.cos((point.lat * Math.PI) / 180)));
  return { min_lat: point.lat - lat, max_lat: point.lat + lat, min_lon: point.lon - lon, max_lon: point.lon + lon };
}
