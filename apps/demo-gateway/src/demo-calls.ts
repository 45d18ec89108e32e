import { AirwaveSds, AirwaveStatus, PARTNERS, TownlinkMemberCall, TownlinkPanic } from '@vigil/contracts';

/** What the demo gateways send next: Airwave SDS most of the time, Town Link member calls and panics, now and then an emergency status. */
export type DemoMessage =
  | { kind: 'sds'; payload: AirwaveSds }
  | { kind: 'status'; payload: AirwaveStatus }
  | { kind: 'member-call'; payload: TownlinkMemberCall }
  | { kind: 'panic'; payload: TownlinkPanic };

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
const MEMBERS = [
  { memberId: 'TL-031', business: 'Boots', scheme: 'Town Link' as const, text: 'Shoplifter just left with razors, heading for the car park' },
  { memberId: 'TL-044', business: 'Marks & Spencer', scheme: 'Town Link' as const, text: 'Male begging aggressively outside the entrance' },
  { memberId: 'PL-017', business: 'The Red Lion', scheme: 'Pub Link' as const, text: 'Drunk male refusing to leave, getting aggressive' },
  { memberId: 'PL-023', business: 'The George', scheme: 'Pub Link' as const, text: 'Fight starting in the beer garden' },
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

/** Builds the n-th demo message; `gatewayId` names the Airwave gateway, Town Link calls come from `<gatewayId>-townlink`. */
export function demoMessage(gatewayId: string, n: number, random: () => number, now: Date): DemoMessage {
  const callingIssi = 2260000 + Math.floor(random() * 999);
  const messageId = `demo-${now.getTime()}-${n}`;
  const base = { gatewayId, messageId, occurredAt: now.toISOString(), callingIssi };
  const roll = random();
  if (roll < 0.05) return { kind: 'status', payload: { ...base, status: 0 } };
  const town = pick(pick(PARTNERS, random).towns, random);
  if (roll < 0.3) {
    const member = pick(MEMBERS, random);
    return { kind: 'member-call', payload: { gatewayId: `${gatewayId}-townlink`, messageId, occurredAt: now.toISOString(), town, ...member } };
  }
  const text = pick(SITUATIONS, random).replace('{venue}', pick(VENUES, random)).replace('{town}', town);
  return { kind: 'sds', payload: { ...base, called: { kind: 'gssi', id: 9001 }, text } };
}
