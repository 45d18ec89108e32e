import { callReceivedSchema } from '@vigil/contracts';
import { AirwaveResult, normaliseAirwave } from './normalise-airwave';

const ITERATIONS = 12_000;
const SEED = 0xa1e4a7e;
const RECEIVED_AT = new Date('2026-11-23T02:14:00.000Z');
const KINDS = ['sds', 'status', 'call', 'heartbeat'];
const encoder = new TextEncoder();

type Rnd = () => number;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** A small seeded PRNG (mulberry32) so a failure can be replayed. */
function prng(seed: number): Rnd {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: Rnd, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rnd, items: readonly T[]): T => items[int(r, items.length)];

const base = { gatewayId: 'gw-herts-1', messageId: 'm-1', occurredAt: '2026-11-23T02:13:58.000Z', callingIssi: 2260101 };
const SEEDS: ReadonlyArray<{ kind: string; value: JsonObject }> = [
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
const ODD_KEYS = ['__proto__', 'constructor', '', '\u0000', 'k\ud800', '😀', 'x'.repeat(300)];
const UNICODE = ['a', 'Z', ' ', 'é', 'ß', '漢', '😀', '\u0301', '\u202e', '\ufeff', '\u2028', '\u200b', '\ud800', '\udc00', '\u0000', '\n', '"', '\\'];
const BOUNDARY_VALUES: Json[] = [
  0, -0, 1, -1, 0xffff, 0x10000, 0xffffff, 0x1000000, 1.5, 90, 90.000001, -180, -180.5, 1e308, -1e308,
  Number.MAX_SAFE_INTEGER + 2, 5e-324, '', ' ', '0', 'true', 'null', '2026-11-23T02:13:58Z', '2026-11-23T25:00:00Z',
  '2026-02-29T00:00:00Z', 'gssi', 'issi', 'group', 'individual', 'x'.repeat(64), 'x'.repeat(65), 'x'.repeat(2000), 'x'.repeat(2001),
  true, false, null, [], {},
];
const INVALID_UTF8 = [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]];

function unicodeString(r: Rnd, length: number): string {
  return Array.from({ length }, () => pick(r, UNICODE)).join('');
}

function randomJson(r: Rnd, depth = 0): Json {
  switch (int(r, depth > 3 ? 4 : 6)) {
    case 0:
      return pick(r, [null, true, false]);
    case 1:
      return pick(r, BOUNDARY_VALUES);
    case 2:
      return (r() - 0.5) * 10 ** int(r, 20);
    case 3:
      return unicodeString(r, int(r, 12));
    case 4:
      return Array.from({ length: int(r, 4) }, () => randomJson(r, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: int(r, 5) }, () => [pick(r, FIELDS), randomJson(r, depth + 1)]));
  }
}

function nest(value: Json, levels: number): Json {
  let wrapped = value;
  for (let i = 0; i < levels; i++) wrapped = i % 2 ? [wrapped] : { deeper: wrapped };
  return wrapped;
}

const isObject = (value: Json): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const anyKey = (r: Rnd, value: JsonObject) => (r() < 0.7 && Object.keys(value).length > 0 ? pick(r, Object.keys(value)) : pick(r, FIELDS));

/** Mutations of a decoded payload: each returns a new value, leaving the seed untouched. */
const VALUE_MUTATIONS: Array<(value: Json, r: Rnd) => Json> = [
  (v, r) => (isObject(v) ? Object.fromEntries(Object.entries(v).filter(([key]) => key !== anyKey(r, v))) : v),
  (v, r) => (isObject(v) ? { ...v, [anyKey(r, v)]: randomJson(r) } : v),
  (v, r) => (isObject(v) ? { ...v, [anyKey(r, v)]: pick(r, BOUNDARY_VALUES) } : v),
  (v, r) => (isObject(v) ? { ...v, [anyKey(r, v)]: pick(r, ['x', '漢', '😀']).repeat(1 + int(r, 40_000)) } : v),
  (v, r) => (isObject(v) ? { ...v, [anyKey(r, v)]: unicodeString(r, 1 + int(r, 30)) } : v),
  (v, r) => (isObject(v) ? { ...v, [anyKey(r, v)]: nest(randomJson(r), int(r, 60)) } : nest(v, int(r, 60))),
  (v, r) => (isObject(v) ? { ...v, [pick(r, ODD_KEYS)]: randomJson(r) } : v),
  (v, r) => (isObject(v) && isObject(v.called ?? null) ? { ...v, called: { ...(v.called as JsonObject), id: pick(r, BOUNDARY_VALUES) } } : v),
  (v, r) => {
    if (!isObject(v) || !isObject(v.location ?? null)) return v;
    return { ...v, location: { ...(v.location as JsonObject), [pick(r, ['lat', 'lon', 'accuracyM'])]: pick(r, BOUNDARY_VALUES) } };
  },
  (v, r) => (isObject(v) ? { ...v, ...pick(r, SEEDS).value } : v),
  (v) => [v],
  (_v, r) => randomJson(r),
];

function splice(bytes: Uint8Array, at: number, insert: ArrayLike<number>, removed = 0): Uint8Array {
  const tail = bytes.subarray(at + removed);
  const out = new Uint8Array(at + insert.length + tail.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(tail, at + insert.length);
  return out;
}

/** Mutations of the encoded bytes: what a faulty gateway or link does to a good message. */
const BYTE_MUTATIONS: Array<(bytes: Uint8Array, r: Rnd) => Uint8Array> = [
  (b, r) => {
    const at = int(r, b.length);
    return splice(b, at, [b[at] ^ (1 << int(r, 8))], 1);
  },
  (b, r) => b.subarray(0, int(r, b.length)),
  (b, r) => splice(b, int(r, b.length), pick(r, INVALID_UTF8)),
  (b) => splice(b, 0, [0xef, 0xbb, 0xbf]),
  (b, r) => splice(b, 1, encoder.encode(`"${pick(r, FIELDS)}":${JSON.stringify(randomJson(r))},`)),
  (b, r) => splice(b, b.length - 1, encoder.encode(`,"${pick(r, FIELDS)}":${JSON.stringify(randomJson(r))}`)),
  (b, r) => splice(b, 1, encoder.encode(`"extra":${deepArrays(1 + int(r, 20_000))},`)),
];

function randomBytes(r: Rnd): Uint8Array {
  return Uint8Array.from({ length: int(r, 300) }, () => int(r, 256));
}

/** Nesting written as text: building it as a value would overflow `JSON.stringify` here. */
function deepArrays(levels: number): string {
  return '['.repeat(levels) + ']'.repeat(levels);
}

function mutatedSeed(r: Rnd): { seedKind: string; bytes: Uint8Array } {
  const seed = pick(r, SEEDS);
  let value: Json = seed.value;
  for (let i = int(r, 4); i > 0; i--) value = pick(r, VALUE_MUTATIONS)(value, r);
  let bytes: Uint8Array = encoder.encode(JSON.stringify(value));
  if (r() < 0.2) bytes = pick(r, BYTE_MUTATIONS)(bytes, r);
  return { seedKind: seed.kind, bytes };
}

function nextInput(r: Rnd): { kind: string | undefined; bytes: Uint8Array } {
  const roll = r();
  const input =
    roll < 0.08 ? { seedKind: pick(r, KINDS), bytes: randomBytes(r) }
    : roll < 0.16 ? { seedKind: pick(r, KINDS), bytes: encoder.encode(JSON.stringify(randomJson(r))) }
    : roll < 0.18 ? { seedKind: pick(r, KINDS), bytes: encoder.encode(deepArrays(1 + int(r, 40_000))) }
    : mutatedSeed(r);
  const kindRoll = r();
  const kind =
    kindRoll < 0.85 ? input.seedKind
    : kindRoll < 0.95 ? pick(r, KINDS)
    : pick(r, [undefined, '', 'SDS', 'telemetry', 'sds ', 'member-call', unicodeString(r, 5)]);
  return { kind, bytes: input.bytes };
}

const REASON_KINDS = [
  'not UTF-8 JSON: ',
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
      const verdict = verdictOn(kind, () => normaliseAirwave(kind, bytes, RECEIVED_AT));
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
