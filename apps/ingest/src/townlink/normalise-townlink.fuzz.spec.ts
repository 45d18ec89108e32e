import { callReceivedSchema, townlinkRadioStateSchema } from '@vigil/contracts';
import { FuzzSeed, gatewayJsonFuzz, Json, JsonObject } from '../testing/json-fuzz';
import { prng } from '../testing/prng';
import { normaliseTownlink, TownlinkResult } from './normalise-townlink';

const ITERATIONS = 12_000;
const SEED = 0x70771e;
const RECEIVED_AT = new Date('2026-11-23T22:41:00.000Z');
const KINDS = ['member-call', 'panic', 'radio-state', 'heartbeat'];

const base = { gatewayId: 'tl-hitchin', messageId: 'm-1', occurredAt: '2026-11-23T22:40:51Z' };
const member = { scheme: 'Town Link', memberId: 'TL-118', business: 'Boots', town: 'Hitchin' };
const SEEDS: ReadonlyArray<FuzzSeed> = [
  { kind: 'member-call', value: { ...base, ...member, radioId: 'R-0118', text: 'Shoplifter heading to the market' } },
  { kind: 'member-call', value: { ...base, ...member, scheme: 'Pub Link', business: 'The Bell', text: 'Fight in the beer garden' } },
  { kind: 'panic', value: { ...base, ...member, scheme: 'Pub Link', business: 'The Red Lion', town: 'Stevenage', radioId: 'R-7' } },
  { kind: 'panic', value: { ...base, ...member, radioId: 'R-0118', occurredAt: '2026-11-23T22:40:51.123+01:00' } },
  { kind: 'radio-state', value: { ...base, scheme: 'Town Link', radioId: 'R-0118', memberId: 'TL-118', state: 'stunned', by: 'Op 3', reason: 'stolen' } },
  { kind: 'radio-state', value: { ...base, scheme: 'Pub Link', radioId: 'R-7', state: 're-enabled' } },
  { kind: 'heartbeat', value: { gatewayId: 'tl-hitchin', baseStation: 'Hitchin BS1', sentAt: '2026-11-23T22:41:00Z' } },
  { kind: 'heartbeat', value: { gatewayId: 'pl-stevenage', sentAt: '2026-11-23T22:41:00-05:00' } },
];

const FIELDS = [
  'gatewayId', 'messageId', 'occurredAt', 'sentAt', 'scheme', 'memberId',
  'business', 'town', 'radioId', 'text', 'state', 'by', 'reason', 'baseStation',
];
const BOUNDARY_VALUES: Json[] = [
  0, -0, 1, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 5e-324, '', ' ', '0', 'true', 'null',
  '2026-11-23T22:40:51Z', '2026-11-23T22:40:51', '2026-11-23T24:00:00Z', '2026-02-29T00:00:00Z',
  'Town Link', 'Pub Link', 'town link', 'stunned', 're-enabled', 'enabled',
  'x'.repeat(64), 'x'.repeat(65), 'x'.repeat(100), 'x'.repeat(101), 'x'.repeat(200), 'x'.repeat(201),
  'x'.repeat(500), 'x'.repeat(501), 'x'.repeat(2000), 'x'.repeat(2001),
  true, false, null, [], {},
];

const { nextInput } = gatewayJsonFuzz({
  seeds: SEEDS, kinds: KINDS, fields: FIELDS, boundaryValues: BOUNDARY_VALUES,
  oddKinds: [undefined, '', 'Panic', 'member_call', 'panic ', 'sds'],
  // The low half, where Airwave's spec tries the high half: both must be refused in keys.
  unpairedSurrogate: '\udc00',
});

const REASON_KINDS = [
  'not UTF-8 JSON: ',
  'payload names gateway "',
  'payload too large: ',
  'payload nested deeper than ',
  'text at ',
  'key in ',
  'invalid Town Link member call: ',
  'invalid Town Link panic: ',
  'invalid Town Link radio state: ',
  'invalid Town Link heartbeat: ',
  'unknown Town Link message kind "',
];

/** Names the outcome, or says what is wrong with it. */
function classify(kind: string | undefined, result: TownlinkResult): { outcome: string; problem?: string } {
  switch (result.kind) {
    case 'call': {
      const checked = callReceivedSchema.safeParse(result.call);
      if (!checked.success) return { outcome: 'call', problem: `call breaks the contract: ${checked.error.message}` };
      // What the publisher sends must survive JSON and still meet the contract.
      const published = callReceivedSchema.safeParse(JSON.parse(JSON.stringify(result.call)));
      if (!published.success) return { outcome: 'call', problem: `published call breaks the contract: ${published.error.message}` };
      const raw = result.call.raw as JsonObject;
      if (result.call.source !== 'Town Link') return { outcome: 'call', problem: `source ${result.call.source}` };
      if (result.call.callKey !== `townlink:${raw.gatewayId}:${raw.messageId}`) return { outcome: 'call', problem: `callKey ${result.call.callKey}` };
      if (!result.call.summary.includes(String(raw.scheme))) return { outcome: 'call', problem: `summary without scheme: ${result.call.summary}` };
      if ((result.call.urgency === 'emergency') !== (kind === 'panic')) return { outcome: 'call', problem: `urgency ${result.call.urgency} for ${kind}` };
      return { outcome: `call:${result.call.urgency}` };
    }
    case 'radio-state': {
      const checked = townlinkRadioStateSchema.safeParse(result.change);
      return { outcome: 'radio-state', problem: checked.success ? undefined : `radio state breaks the contract: ${checked.error.message}` };
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

function verdictOn(kind: string | undefined, normalise: () => TownlinkResult): { outcome: string; problem?: string } {
  let result: TownlinkResult;
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

describe('normaliseTownlink fuzz', () => {
  it(`survives ${ITERATIONS} random and mutated inputs`, () => {
    const r = prng(SEED);
    const outcomes = new Map<string, number>();
    const problems: string[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const { kind, bytes } = nextInput(r);
      const verdict = verdictOn(kind, () => normaliseTownlink(kind, 'tl-hitchin', bytes, RECEIVED_AT));
      outcomes.set(verdict.outcome, (outcomes.get(verdict.outcome) ?? 0) + 1);
      if (verdict.problem) problems.push(`#${i} ${kind}: ${verdict.problem}`);
    }

    expect(problems.slice(0, 5)).toEqual([]);
    expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(ITERATIONS);
    // Every accepted and rejected path must be reached, not only the first check.
    const unreached = ['call:emergency', 'call:routine', 'radio-state', 'heartbeat', ...REASON_KINDS].filter((outcome) => !outcomes.has(outcome));
    expect(unreached).toEqual([]);
  });
});
