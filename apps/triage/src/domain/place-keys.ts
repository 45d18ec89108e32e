import { CallReceived, NAMED_PLACES } from '@vigil/contracts';
import { Placement } from './locate-call';

type KeyedCall = Pick<CallReceived, 'location' | 'summary'>;

/** Kinds of place key, strongest first: the order in which correlation names a match. */
export const PLACE_KEY_KINDS = ['premises', 'alarm-site', 'radio-member', 'named-place', 'camera'] as const;
/** One of {@link PLACE_KEY_KINDS}. */
export type PlaceKeyKind = (typeof PLACE_KEY_KINDS)[number];

const normal = (text: string) => text.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * The places a call is about, each as a key two calls about the same place share: the registered
 * premises, the alarm site, the radio member's premises, a pub or landmark named within the call's
 * town, the camera. A town alone is no key: two fights in one town at once are two incidents.
 */
export function placeKeysOf(call: KeyedCall, placement: Pick<Placement, 'premisesId' | 'town'>): string[] {
  const { location } = call;
  const keys: string[] = [];
  if (placement.premisesId) keys.push(`premises:${placement.premisesId}`);
  if (location.alarmAccount) keys.push(`alarm-site:${location.alarmAccount.toUpperCase()}`);
  if (location.radioMember) keys.push(`radio-member:${location.radioMember.toUpperCase()}`);
  if (placement.town) keys.push(...namedPlacesIn(call.summary).map((place) => `named-place:${normal(placement.town!)}:${place}`));
  if (location.cameraId) keys.push(`camera:${location.cameraId.toUpperCase()}`);
  return keys;
}

/** The kind of a place key. */
export function placeKeyKind(key: string): PlaceKeyKind {
  return key.slice(0, key.indexOf(':')) as PlaceKeyKind;
}

// "The Red Lion" and "Red Lion" are one pub; the longer name wins so "Old Fire Station" is not also "Fire Station".
function namedPlacesIn(text: string): string[] {
  let words = ` ${normal(text)} `;
  const found: string[] = [];
  for (const place of NAMED_PLACES.map(normal)) {
    if (!words.includes(` ${place} `)) continue;
    found.push(place);
    words = words.split(` ${place} `).join('  ');
  }
  return found;
}
