import type { MatchedRoute } from '../domain';

/** A matched route as kept with its group (jsonb): an infinite repeat interval cannot be JSON. */
export type StoredRoute = Omit<MatchedRoute, 'repeatIntervalMs'> & { repeatIntervalMs: number | null };

export function storeRoute(route: MatchedRoute): StoredRoute {
  return { ...route, repeatIntervalMs: Number.isFinite(route.repeatIntervalMs) ? route.repeatIntervalMs : null };
}

export function readRoute(stored: StoredRoute): MatchedRoute {
  return { ...stored, repeatIntervalMs: stored.repeatIntervalMs ?? Number.POSITIVE_INFINITY };
}
