import { GeoPoint } from './locate-call';

const METRES_PER_DEGREE = 111_320;
// Fewer metres to the degree than anywhere on Earth has, so a reach in degrees is never short.
const FEWEST_METRES_PER_DEGREE = 110_000;

/**
 * The names of the locks a call must hold while it is correlated, so that two replicas cannot
 * both open an incident for one event: one per place key, and one per grid cell that a point
 * within `distanceMetres` of the call's point could fall in. Two calls that could match share a
 * key or a cell (the other's point lies in a cell this call locks), so one waits for the other.
 */
export function placeLockNames(placeKeys: readonly string[], point: GeoPoint | null, distanceMetres: number): string[] {
  const cells = point ? cellsAround(point, distanceMetres) : [];
  return [...placeKeys, ...cells].map((name) => `vigil:triage:place:${name}`);
}

function cellsAround(point: GeoPoint, distanceMetres: number): string[] {
  // One fixed grid for every point, cells twice the distance across; the reach in longitude grows with latitude.
  const step = (2 * distanceMetres) / METRES_PER_DEGREE;
  const latReach = distanceMetres / FEWEST_METRES_PER_DEGREE;
  const lonReach = distanceMetres / (FEWEST_METRES_PER_DEGREE * Math.max(0.01, Math.cos((point.lat * Math.PI) / 180)));
  const cells: string[] = [];
  for (let lat = Math.floor((point.lat - latReach) / step); lat <= Math.floor((point.lat + latReach) / step); lat++) {
    for (let lon = Math.floor((point.lon - lonReach) / step); lon <= Math.floor((point.lon + lonReach) / step); lon++) cells.push(`cell:${lat}:${lon}`);
  }
  return cells;
}
