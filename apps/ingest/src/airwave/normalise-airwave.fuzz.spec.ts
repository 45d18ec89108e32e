import { callReceivedSchema } from '@vigil/contracts';
import { FuzzSeed, gatewayJsonFuzz, isObject, Json, JsonObject, pick } from '../testing/json-fuzz';
import { prng } from '../testing/prng';
import { AirwaveResult, normaliseAirwave } from './normalise-airwave';

const ITERATIONS = 12_000;
const SEED = 0xa1e4a7e;
const RECEIVED_AT = new Date('2026-11-23T02:14:00.000Z');
const KINDS = ['sds', 'status', 'call', 'heartbeat'];

const base = { gatewayId: 'gw-herts-1', messageId: 'm-1', occurredAt: '2026-11-23T02:13:58.000Z', callingIssi: 2260101 };
const SEEDS: ReadonlyArray<FuzzSeed> = [
  { kind: 'sds', value: { ...base, called: { kind: 'gssi', id: 9001 }, text: 'Fight outside Hitchin station' } },
  { kind: 'sds', value: { ...base, location: { lat: 51.95, lon: -0.28, accuracyM: 10 }, text: 'Van on fire, Ware' } },
  { kind: 'status', value: { ...base, status: 0 } },
  { kind: 'status', value: { ...base, called: { kind: 'issi', id: 1 }, status: 5 } },
  { kind: 'call', value: { ...base, called: { kind: 'gssi', id: 9001 }, callType: 'group', emergency: true } },
  { kind: 'call', value: { ...base, called: { kind: 'issi', id: 2260001 }, callType: 'individual', emergency: false } },
  { kind: 'call', value: { ...base, callType: 'group', emergency: false, location: { lat: -90, lon: 180 } } },
  { kind: 'heartbeat', value: { gatewayId: 'gw-herts-1', sentAt: '2026-11-23T02:14:00+01:00' } },
];

const FIELDS = [
  'gatewayId', 'messageId', 'occurredAt', 'sentAt', 'callingIssi',
  'called', 'location', 'text', 'status', 'callType', 'emergency', 'kind', 'id', 'lat', 'lon',
];
const BOUNDARY_VALUES: Json[] = [
  0, -0, 1, -1, 0xffff, 0x10000, 0xffffff, 0x1000000, 1.5, 90, 90.000001, -180, -180.5, 1e308, -1e308,
  Number.MAX_SAFE_INTEGER + 2, 5e-324, '', ' ', '0', 'true', 'null', '2026-11-23T02:13:58Z', '2026-11-23T25:00:00Z',
  '2026-02-29T00:00:00Z', 'gssi', 'issi', 'group', 'individual', 'x'.repeat(64), 'x'.repeat(65), 'x'.repeat(2000), 'x'.repeat(2001),
  true, false, null, [], {},
];

const { nextInput } = gatewayJsonFuzz({
  seeds: SEEDS, kinds: KINDS, fields: FIELDS, boundaryValues: BOUNDARY_VALUES,
  oddKinds: [undefined, '', 'SDS', 'telemetry', 'sds ', 'member-call'],
  // Airwave nests addresses and positions, which the generic mutations rarely reach inside.
  valueMutations: [
    (v, r) => (isObject(v) && isObject(v.called ?? null) ? { ...v, called: { ...(v.called as JsonObject), id: pick(r, BOUNDARY_VALUES) } } : v),
    (v, r) => {
      if (!isObject(v) || !isObject(v.location ?? null)) return v;
      return { ...v, location: { ...(v.location as JsonObject), [pick(r, ['lat', 'lon', 'accuracyM'])]: pick(r, BOUNDARY_VALUES) } };
    },
  ],
});

const REASON_KINDS = [
  'not UTF-8 JSON: ',
  'payload names gateway "',
  'payload too large: ',
  'payload nested deeper than ',
  'text at ',
  'key in ',
  'invalid Airwave SDS: ',
  'invalid Airwave status: ',
  'invalid Airwave call: ',
  'invalid Airwave heartbeat: ',
  'unknown Airwave message kind "',
];

/** Names the outcome, or says what is wrong with it. */
function classify(kind: string | undefined, result: AirwaveResult): { outcome: string; problem?: string } {
  switch (result.kind) {
    case 'call': {
      const checked = callReceivedSchema.safeParse(result.call);
      if (!checked.success) return { outcome: 'call', problem: `call breaks the contract: ${checked.error.message}` };
      // What the publisher sends must survive JSON and still meet the contract.
      const published = callReceivedSchema.safeParse(JSON.parse(JSON.stringify(result.call)));
      if (!published.success) return { outcome: 'call', problem: `published call breaks the contract: ${published.error.message}` };
      const raw = result.call.raw as JsonObject;
      const emergency = (kind === 'call' && raw.emergency === true) || (kind === 'status' && raw.status === 0);
      if (result.call.callKey !== `airwave:${raw.gatewayId}:${raw.messageId}`) return { outcome: 'call', problem: `callKey ${result.call.callKey}` };
      if ((result.call.urgency === 'emergency') !== emergency) return { outcome: 'call', problem: `urgency ${result.call.urgency}` };
      return { outcome: `call:${result.call.urgency}` };
    }
    case 'heartbeat':
      return { outcome: 'heartbeat', problem: result.gatewayId ? undefined : 'heartbeat without gateway' };
    case 'rejected': {
      const prefix = REASON_KINDS.find((p) => result.reason.startsWith(p));
      const emptyDetail = !prefix || result.reason.slice(prefix.length).trim() === '';
      return { outcome: prefix ?? 'rejected', problem: emptyDetail ? `reason ${JSON.stringify(result.reason)}` : undefined };
    }
    default:
      return { outcome: 'unknown', problem: `result kind ${JSON.stringify((result as { kind: unknown }).kind)}` };
  }
}

function verdictOn(kind: string | undefined, normalise: () => AirwaveResult): { outcome: string; problem?: string } {
  let result: AirwaveResult;
  try {
    result = normalise();
  } catch (error) {
    return { outcome: 'threw', problem: `normaliser threw ${String(error)}` };
  }
  try {
    return classify(kind, result);
  } catch (error) {
    return { outcome: 'unusable', problem: `result cannot be checked or published: ${String(error)}` };
  }
}

describe('normaliseAirwave fuzz', () => {
  it(`survives ${ITERATIONS} random and mutated inputs`, () => {
    const r = prng(SEED);
    const outcomes = new Map<string, number>();
    const problems: string[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const { kind, bytes } = nextInput(r);
      const verdict = verdictOn(kind, () => normaliseAirwave(kind, 'gw-herts-1', bytes, RECEIVED_AT));
      outcomes.set(verdict.outcome, (outcomes.get(verdict.outcome) ?? 0) + 1);
      if (verdict.problem) problems.push(`#${i} ${kind}: ${verdict.problem}`);
    }

    expect(problems.slice(0, 5)).toEqual([]);
    expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(ITERATIONS);
    // Every accepted and rejected path must be reached, not only the first check.
    const unreached = ['call:emergency', 'call:routine', 'heartbeat', ...REASON_KINDS].filter((outcome) => !outcomes.has(outcome));
    expect(unreached).toEqual([]);
  });
});
