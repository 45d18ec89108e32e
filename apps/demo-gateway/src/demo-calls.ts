import { AirwaveSds, AirwaveStatus, PARTNERS } from '@vigil/contracts';

/** What the demo gateway sends next: an SDS most of the time, now and then an emergency status. */
export type DemoMessage = { kind: 'sds'; payload: AirwaveSds } | { kind: 'status'; payload: AirwaveStatus };

const SITUATIONS = [
  'Fight outside {venue}, {town}. Two males, one on the floor',
  'Shoplifter just left {venue} in {town}, heading towards the bus station',
  'Drunk male causing a disturbance near {venue}, {town}',
  'Group of youths causing disorder by {venue}, {town}',
  'Male seen with a knife near {venue}, {town}',
  'Two car collision outside {venue}, {town}, no injuries reported',
  'Missing child, 7, last seen near {venue} in {town}, red coat',
  'Suspicious male trying car doors behind {venue}, {town}',
  'Smoke seen coming from bins behind {venue}, {town}',
  'Robbery reported near {venue}, {town}, suspect on a bike',
  'Concern for welfare: female collapsed near {venue}, {town}',
  'Please review cameras covering {venue}, {town}',
];
const VENUES = ['the bus station', 'the market square', 'the Red Lion', 'the library', 'the train station', 'the high street', 'the leisure centre', 'the car park'];

/** A deterministic pseudo-random source, so a demo run can be reproduced from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)];
}

/** Builds the n-th demo message of a gateway. */
export function demoMessage(gatewayId: string, n: number, random: () => number, now: Date): DemoMessage {
  const callingIssi = 2260000 + Math.floor(random() * 999);
  const base = { gatewayId, messageId: `demo-${now.getTime()}-${n}`, occurredAt: now.toISOString(), callingIssi };
  if (random() < 0.05) return { kind: 'status', payload: { ...base, status: 0 } };
  const town = pick(pick(PARTNERS, random).towns, random);
  const text = pick(SITUATIONS, random).replace('{venue}', pick(VENUES, random)).replace('{town}', town);
  return { kind: 'sds', payload: { ...base, called: { kind: 'gssi', id: 9001 }, text } };
}
