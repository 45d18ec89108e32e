import { AirwaveSds, TownlinkMemberCall, TownlinkPanic } from '@vigil/contracts';
import { DemoMessage } from './demo-calls';

/**
 * Events of a realistic night that draw calls from more than one source, as the demo registers
 * (apps/triage/src/registers/demo-registers.ts) know their places: a shop's member and the
 * officers who attend; pubs' members, a panic button (a personal attack) and the officers; a
 * crowd seen near one shopping centre by two radios; and a caller who cannot say where (a client's
 * site is among the DC-09 demo panels). Each scene names the place it is about, so that the
 * gateway can leave a place alone once it has had its event (see {@link nextRestedScene}).
 */
const SCENES: ReadonlyArray<Scene> = [
  {
    place: 'boots-hitchin',
    steps: [
      { kind: 'member-call', scheme: 'Town Link', memberId: 'TL-118', business: 'Boots', town: 'Hitchin', text: 'Shoplifter just left with razors, heading for the market' },
      { kind: 'sds', issi: 2260201, text: 'Units attending Boots, Hitchin: one male detained outside', point: { lat: 51.949, lon: -0.2805 } },
    ],
  },
  {
    place: 'red-lion-potters-bar',
    steps: [
      { kind: 'member-call', scheme: 'Pub Link', memberId: 'PL-042', business: 'The Red Lion', town: 'Potters Bar', text: 'Drunk male refusing to leave, getting aggressive with staff' },
      { kind: 'panic', scheme: 'Pub Link', memberId: 'PL-042', business: 'The Red Lion', town: 'Potters Bar', radioId: 'R-42' },
      { kind: 'sds', issi: 2260401, text: 'Officers on scene at the Red Lion, Potters Bar, one arrested' },
    ],
  },
  {
    place: 'westgate-stevenage',
    steps: [
      { kind: 'sds', issi: 2260301, text: 'Group of youths gathering by the Westgate, Stevenage', point: { lat: 51.9033, lon: -0.2033 } },
      { kind: 'sds', issi: 2260302, text: 'Youths now fighting, two on the floor', point: { lat: 51.9035, lon: -0.2031 } },
    ],
  },
  {
    place: 'six-templars-hertford',
    steps: [
      { kind: 'member-call', scheme: 'Pub Link', memberId: 'PL-107', business: 'The Six Templars', town: 'Hertford', text: 'Glass thrown at the bar, one male cut to the hand' },
      { kind: 'sds', issi: 2260501, text: 'Ambulance requested to the Wetherspoons, Hertford', point: { lat: 51.7957, lon: -0.0785 } },
    ],
  },
  {
    place: 'coop-royston',
    steps: [
      { kind: 'member-call', scheme: 'Town Link', memberId: 'TL-205', business: 'Co-op', town: 'Royston', text: 'Two youths shoplifting alcohol, staff threatened' },
      { kind: 'sds', issi: 2260601, text: 'Patrol passing the Co-op, Royston, will stop', point: { lat: 52.0487, lon: -0.0236 } },
    ],
  },
  { place: null, steps: [{ kind: 'sds', issi: 2260999, text: 'Caller reports a male acting suspiciously, could not say where' }] },
];

/** A scene and the place it is about (null: a call with no place, which opens its own incident every time). */
interface Scene {
  place: string | null;
  steps: ReadonlyArray<Step>;
}

type Step =
  | { kind: 'sds'; issi: number; text: string; point?: AirwaveSds['location'] }
  | ({ kind: 'member-call' } & Pick<TownlinkMemberCall, 'scheme' | 'memberId' | 'business' | 'town' | 'text'>)
  | ({ kind: 'panic' } & Pick<TownlinkPanic, 'scheme' | 'memberId' | 'business' | 'town' | 'radioId'>);

/** How many scenes there are; the gateway plays them in turn. */
export const DEMO_SCENE_COUNT = SCENES.length;

/**
 * How long a place rests after its event before the demo plays another there: longer than triage's
 * correlation window (30 minutes by default), so a place's next scene is a new incident, not one
 * more call on an incident that would otherwise grow all night.
 */
export const SCENE_REST_MS = 35 * 60_000;

/**
 * The first scene from the n-th on (cycling once round) whose place has rested since it was last
 * played, or null when every place had its event too recently (then the gateway sends a routine call).
 */
export function nextRestedScene(n: number, lastPlayed: ReadonlyMap<string, Date>, now: Date): number | null {
  for (let k = n; k < n + SCENES.length; k++) {
    const { place } = SCENES[k % SCENES.length];
    const last = place ? lastPlayed.get(place) : undefined;
    if (!last || now.getTime() - last.getTime() >= SCENE_REST_MS) return k;
  }
  return null;
}

/** The place the n-th scene (cycling) is about, or null. */
export function demoScenePlace(n: number): string | null {
  return SCENES[n % SCENES.length].place;
}

/** The messages of the n-th scene (cycling), in the order the sources would send them. */
export function demoScene(gatewayId: string, n: number, now: Date): DemoMessage[] {
  const townlinkId = `${gatewayId}-townlink`;
  return SCENES[n % SCENES.length].steps.map((step, i): DemoMessage => {
    const messageId = `scene-${now.getTime()}-${n}-${i}`;
    const occurredAt = now.toISOString();
    switch (step.kind) {
      case 'sds':
        return { kind: 'sds', payload: { gatewayId, messageId, occurredAt, callingIssi: step.issi, text: step.text, ...(step.point ? { location: step.point } : {}) } };
      case 'member-call': {
        const { kind: _kind, ...member } = step;
        return { kind: 'member-call', payload: { gatewayId: townlinkId, messageId, occurredAt, ...member } };
      }
      case 'panic': {
        const { kind: _kind, ...member } = step;
        return { kind: 'panic', payload: { gatewayId: townlinkId, messageId, occurredAt, ...member } };
      }
    }
  });
}
