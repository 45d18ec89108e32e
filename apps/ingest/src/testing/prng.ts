/** A source of uniform numbers in [0, 1), as `Math.random` gives, but replayable from a seed. */
export type Rnd = () => number;

/**
 * A small seeded PRNG (mulberry32) so a failure can be replayed.
 *
 * Fuzz specs draw every random choice from one of these rather than `Math.random`, which cannot be
 * seeded: the same seed then yields the same inputs on every run and every machine, so the input a
 * failure names (`#i`) can be regenerated and debugged. Mulberry32 is a few lines with 32 bits of
 * state, well enough spread for choosing inputs; it is not for anything that must be unguessable.
 */
export function prng(seed: number): Rnd {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
