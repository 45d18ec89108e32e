import { callReceivedSchema, manualCallSchema } from '@vigil/contracts';
import { FuzzSeed, gatewayJsonFuzz, Json } from '../testing/json-fuzz';
import { prng } from '../testing/prng';
import { manualCallToCall } from './manual-call-to-call';

const ITERATIONS = 12_000;
const NOW = new Date('2026-11-23T03:10:00Z');
const decoder = new TextDecoder('utf-8', { fatal: true });
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const SEEDS: ReadonlyArray<FuzzSeed> = [
  { kind: 'call', value: { source: 'Police Control', text: 'Male in red jacket by the bank, Letchworth', policeReference: 'CAD 0412' } },
  { kind: 'call', value: { source: 'Controller', text: 'Group fighting outside the kebab shop', town: 'Hitchin', cameraId: 'NH-014', emergency: true } },
  { kind: 'call', value: { source: 'Controller', text: 'Shoplifter leaving Boots', category: 'Theft', subcategory: 'Shoplifting', clientReference: 'f-1' } },
  { kind: 'call', value: { source: 'Police Control', text: 'Watch the male by the cashpoint', monitoringReason: 'matches description', occurredAt: '2026-11-23T03:09:00Z' } },
];
const { nextInput } = gatewayJsonFuzz({
  seeds: SEEDS,
  kinds: ['call'],
  fields: ['source', 'text', 'occurredAt', 'town', 'cameraId', 'category', 'subcategory', 'policeReference', 'monitoringReason', 'emergency', 'clientReference'],
  oddKinds: ['call'],
  boundaryValues: ['', 'ab', 'abc', '   ab  ', 'Police Control', 'Controller', 'Theft', 'Robbery', 'Shoplifting', 'x'.repeat(2000), 'x'.repeat(2001), true, false, null, 0, [], {}] as Json[],
});

// What the operators' endpoint does with a body: JSON (express), the contract (ZodBodyPipe), then the normaliser.
function enter(bytes: Uint8Array): { verdict: 'call' | 'refused'; reason?: string } {
  let body: unknown;
  try {
    body = JSON.parse(decoder.decode(bytes));
  } catch {
    return { verdict: 'refused', reason: 'not JSON' };
  }
  const parsed = manualCallSchema.safeParse(body);
  if (!parsed.success) return { verdict: 'refused', reason: parsed.error.issues[0].message };
  const result = manualCallToCall(parsed.data, 'op-7', 'entry-1', NOW);
  if (!result.ok) return { verdict: 'refused', reason: result.reason };
  expect(callReceivedSchema.parse(result.call)).toEqual(result.call);
  expect(UNSTORABLE.test(JSON.stringify(result.call))).toBe(false);
  expect(result.call.enteredBy).toBe('op-7');
  return { verdict: 'call' };
}

describe('manual call entry under fuzz', () => {
  it(`takes ${ITERATIONS} random and mutated bodies without throwing, storing only what Postgres can hold`, () => {
    const r = prng(0x0ca11);
    const seen = { call: 0, refused: 0 };
    for (let i = 0; i < ITERATIONS; i++) {
      const outcome = enter(nextInput(r).bytes);
      if (outcome.verdict === 'refused') expect(outcome.reason).toBeTruthy();
      seen[outcome.verdict]++;
    }
    expect(seen.call).toBeGreaterThan(100);
    expect(seen.refused).toBeGreaterThan(100);
    expect(seen.call + seen.refused).toBe(ITERATIONS);
  });
});
