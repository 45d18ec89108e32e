import { distanceMetres } from './geo-distance';
import { placeLockNames } from './place-locks';

// A fixed sequence, so the spec is the same every run.
function* points(count: number, seed = 7): Generator<{ lat: number; lon: number }> {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < count; i++) yield { lat: 51.6 + next() * 0.4, lon: -0.4 + next() * 0.4 };
}

describe('placeLockNames', () => {
  it('names a lock per place key', () => {
    expect(placeLockNames(['premises:boots-hitchin', 'camera:NH-014'], null, 100)).toEqual(['vigil:triage:place:premises:boots-hitchin', 'vigil:triage:place:camera:NH-014']);
  });

  it.each([50, 100, 250])('gives any two points within %i m a lock in common, so one replica waits for the other', (distance) => {
    for (const p of points(2_000)) {
      const bearing = (p.lat * 1e6) % (2 * Math.PI);
      const reach = distance * 0.999;
      const q = { lat: p.lat + (reach * Math.cos(bearing)) / 111_195, lon: p.lon + (reach * Math.sin(bearing)) / (111_195 * Math.cos((p.lat * Math.PI) / 180)) };
      expect(distanceMetres(p, q)).toBeLessThanOrEqual(distance);
      const mine = new Set(placeLockNames([], p, distance));
      expect(placeLockNames([], q, distance).some((name) => mine.has(name))).toBe(true);
    }
  });
});
