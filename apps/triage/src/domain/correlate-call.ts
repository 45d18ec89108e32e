import { CorrelationPolicy } from './correlation-policy';
import { distanceMetres } from './geo-distance';
import { kindsCompatible } from './kind-compatibility';
import { GeoPoint } from './locate-call';
import { PLACE_KEY_KINDS, placeKeyKind } from './place-keys';

/** An open incident near the call, as correlation needs to know it. */
export interface NearbyIncident {
  incidentId: string;
  category: string;
  grade: number;
  lastCallAt: Date;
  /** Its calls' place keys (those it shares with the call are enough). */
  placeKeys: readonly string[];
  /** Its calls' points (those near the call are enough). */
  points: readonly GeoPoint[];
}

/** A triaged call, as correlation needs to know it. */
export interface CorrelatingCall {
  category: string;
  grade: number;
  placeKeys: readonly string[];
  point: GeoPoint | null;
}

/** Open a new incident, or join an open one; and why. */
export type Correlation =
  | { action: 'open'; reason: string }
  | { action: 'join'; incidentId: string; reason: string; /** The call's grade when it is more urgent than the incident's. */ raisesGradeTo: number | null };

type Match = { incident: NearbyIncident; how: string; strength: number };

/**
 * Decides whether a call is about an event that already has an open incident: the same place
 * (a shared place key, or points within the policy's distance), a compatible kind, and the
 * incident's last call within the window. Several matches: the strongest place evidence, then the
 * latest activity. An emergency is decided like any call and at once, so it never waits for a
 * window to close; when it joins, it raises the incident to its grade.
 */
export function correlateCall(nearby: readonly NearbyIncident[], call: CorrelatingCall, now: Date, policy: CorrelationPolicy): Correlation {
  if (call.placeKeys.length === 0 && !call.point) return { action: 'open', reason: 'no-place-to-match' };
  const atPlace = nearby.flatMap((incident) => matchPlace(incident, call, policy));
  if (atPlace.length === 0) return { action: 'open', reason: 'nothing-open-here' };
  const recent = atPlace.filter(({ incident }) => now.getTime() - incident.lastCallAt.getTime() <= policy.windowMinutes * 60_000);
  if (recent.length === 0) return { action: 'open', reason: 'window-passed' };
  const fitting = recent.filter(({ incident }) => kindsCompatible(incident.category, call.category));
  if (fitting.length === 0) return { action: 'open', reason: `other-kind:${recent[0].incident.category}` };
  const best = fitting.sort((a, b) => a.strength - b.strength || b.incident.lastCallAt.getTime() - a.incident.lastCallAt.getTime())[0];
  const raises = call.grade < best.incident.grade;
  return {
    action: 'join',
    incidentId: best.incident.incidentId,
    reason: `same-${best.how}`,
    raisesGradeTo: raises ? call.grade : null,
  };
}

function matchPlace(incident: NearbyIncident, call: CorrelatingCall, policy: CorrelationPolicy): Match[] {
  const shared = call.placeKeys.filter((key) => incident.placeKeys.includes(key)).map(placeKeyKind);
  const strongest = PLACE_KEY_KINDS.findIndex((kind) => shared.includes(kind));
  if (strongest >= 0) return [{ incident, how: PLACE_KEY_KINDS[strongest], strength: strongest }];
  const point = call.point;
  if (point && incident.points.some((other) => distanceMetres(point, other) <= policy.distanceMetres)) {
    return [{ incident, how: 'spot', strength: PLACE_KEY_KINDS.length }];
  }
  return [];
}
