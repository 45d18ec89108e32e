import { AirwaveSds, TownlinkMemberCall, TownlinkPanic } from '@vigil/contracts';
import { DemoMessage } from './demo-calls';

/**
 * Events of a realistic night that draw calls from more than one source, as the demo registers
 * (apps/triage/src/registers/demo-registers.ts) know their places: a shop's member and the
 * officers who attend; a pub's member, its panic button (a personal attack) and the officers; a
 * crowd seen near one shopping centre by two radios; and a caller who cannot say where.
 */
const SCENES: ReadonlyArray<ReadonlyArray<Step>> = [
  [
    { kind: 'member-call', scheme: 'Town Link', memberId: 'TL-118', business: 'Boots', town: 'Hitchin', text: 'Shoplifter just left with razors, heading for the market' },
    { kind: 'sds', issi: 2260201, text: 'Units attending Boots, Hitchin: one male detained outside', point: { lat: 51.949, lon: -0.2805 } },
  ],
  [
    { kind: 'member-call', scheme: 'Pub Link', memberId: 'PL-042', business: 'The Red Lion', town: 'Potters Bar', text: 'Drunk male refusing to leave, getting aggressive with staff' },
    { kind: 'panic', scheme: 'Pub Link', memberId: 'PL-042', business: 'The Red Lion', town: 'Potters Bar', radioId: 'R-42' },
    { kind: 'sds', issi: 2260401, text: 'Officers on scene at the Red Lion, Potters Bar, one arrested' },
  ],
  [
    { kind: 'sds', issi: 2260301, text: 'Group of youths gathering by the Westgate, Stevenage', point: { lat: 51.9033, lon: -0.2033 } },
    { kind: 'sds', issi: 2260302, text: 'Youths now fighting, two on the floor', point: { lat: 51.9035, lon: -0.2031 } },
  ],
  [{ kind: 'sds', issi: 2260999, text: 'Caller reports a male acting suspiciously, could not say where' }],
];

type Step =
  | { kind: 'sds'; issi: number; text: string; point?: AirwaveSds['location'] }
  | ({ kind: 'member-call' } & Pick<TownlinkMemberCall, 'scheme' | 'memberId' | 'business' | 'town' | 'text'>)
  | ({ kind: 'panic' } & Pick<TownlinkPanic, 'scheme' | 'memberId' | 'business' | 'town' | 'radioId'>);

/** How many scenes there are; the gateway plays them in turn. */
export const DEMO_SCENE_COUNT = SCENES.length;

/** The messages of the n-th scene (cycling), in the order the sources would send them. */
export function demoScene(gatewayId: string, n: number, now: Date): DemoMessage[] {
  const townlinkId = `${gatewayId}-townlink`;
  return SCENES[n % SCENES.length].map((step, i): DemoMessage => {
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
