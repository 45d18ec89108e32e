/**
 * A fuzz kit for the gateway normalisers that take a message kind and a raw JSON body (Airwave, Town Link).
 *
 * Those normalisers share one decoding path (`decodeGatewayPayload`) and differ only in their contracts,
 * so their fuzz specs need the same random JSON and the same damage done to good messages; what each
 * spec supplies is the normaliser's own vocabulary (a {@link GatewayFuzzSpec}). The checks on what comes
 * back stay in each spec, since they are what really differs.
 *
 * Every random choice is drawn from the caller's {@link Rnd}, in a fixed order, so a seed replays the
 * same inputs. Reordering draws here (or the entries of any list that `pick` chooses from) changes every
 * input after it, so a spec's coverage checks may need retuning; add new cases at the ends of lists.
 */
import { Rnd } from './prng';

/** A value `JSON.parse` can return. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON object, the shape of every gateway message. */
export type JsonObject = { [key: string]: Json };

/** A change to a decoded message; it returns a new value and leaves its input (often a seed) untouched. */
export type ValueMutation = (value: Json, r: Rnd) => Json;

// A change to a message's encoded bytes; only the kit makes these, as they need no knowledge of the contract.
type ByteMutation = (bytes: Uint8Array, r: Rnd) => Uint8Array;

/** A known-good message of one kind, for the mutations to start from. */
export interface FuzzSeed {
  kind: string;
  value: JsonObject;
}

/** One generated call of a normaliser: the kind it is told and the bytes it is given. */
export interface FuzzInput {
  kind: string | undefined;
  bytes: Uint8Array;
}

/** What a normaliser's spec tells the kit about the messages it takes. */
export interface GatewayFuzzSpec {
  /** Valid messages, at least one of each kind; most inputs are one of these, mutated. */
  seeds: ReadonlyArray<FuzzSeed>;
  /** The kinds the normaliser accepts, to pair with bodies of another kind. */
  kinds: readonly string[];
  /** Field names of the contracts, so random keys hit real fields rather than only unknown ones. */
  fields: readonly string[];
  /** Kinds the normaliser must refuse (near misses in case and spelling, other sources' kinds). */
  oddKinds: ReadonlyArray<string | undefined>;
  /** Values at and just past the contracts' limits, and the literals they expect. */
  boundaryValues: readonly Json[];
  /** The lone surrogate put into an odd key; Postgres refuses either half, so each spec may try its own. */
  unpairedSurrogate?: string;
  /** Mutations aimed at nested fields of this normaliser's contracts, tried alongside the generic ones. */
  valueMutations?: readonly ValueMutation[];
}

// A uniform whole number in [0, n).
const int = (r: Rnd, n: number) => Math.floor(r() * n);

/** One item of a non-empty list, chosen uniformly. */
export const pick = <T>(r: Rnd, items: readonly T[]): T => items[int(r, items.length)];

/** Whether a value is a JSON object (not null, not an array): only objects have fields to mutate. */
export const isObject = (value: Json): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const encoder = new TextEncoder();

// Characters that tend to break text handling: combining marks, bidi and zero-width controls, a BOM,
// lone surrogates and U+0000 (which Postgres refuses), line separators, and JSON's own quote and escape.
const UNICODE = ['a', 'Z', ' ', 'é', 'ß', '漢', '😀', '\u0301', '\u202e', '\ufeff', '\u2028', '\u200b', '\ud800', '\udc00', '\u0000', '\n', '"', '\\'];

// Byte sequences a strict UTF-8 decoder must refuse: invalid lead bytes, overlong and surrogate
// encodings, a stray continuation byte, a truncated sequence, and code points past U+10FFFF.
const INVALID_UTF8 = [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]];

/** A string of `length` characters drawn from the awkward ones above. */
function unicodeString(r: Rnd, length: number): string {
  return Array.from({ length }, () => pick(r, UNICODE)).join('');
}

/** Wraps a value in `levels` alternating objects and arrays, to cross the depth limit of 32 both ways. */
function nest(value: Json, levels: number): Json {
  let wrapped = value;
  for (let i = 0; i < levels; i++) wrapped = i % 2 ? [wrapped] : { deeper: wrapped };
  return wrapped;
}

/** Copies `insert` into `bytes` at `at`, replacing `removed` bytes there. */
function splice(bytes: Uint8Array, at: number, insert: ArrayLike<number>, removed = 0): Uint8Array {
  const tail = bytes.subarray(at + removed);
  const out = new Uint8Array(at + insert.length + tail.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(tail, at + insert.length);
  return out;
}

/** Noise that is rarely JSON at all, to exercise the decoder's refusals. */
function randomBytes(r: Rnd): Uint8Array {
  return Uint8Array.from({ length: int(r, 300) }, () => int(r, 256));
}

/** Nesting written as text: building it as a value would overflow `JSON.stringify` here. */
function deepArrays(levels: number): string {
  return '['.repeat(levels) + ']'.repeat(levels);
}

/** Builds the input generator for one normaliser; call `nextInput` once an iteration with the spec's seeded {@link Rnd}. */
export function gatewayJsonFuzz(spec: GatewayFuzzSpec): { nextInput: (r: Rnd) => FuzzInput } {
  const { seeds, kinds, fields, oddKinds, boundaryValues } = spec;
  // Keys that trip naive object handling (prototype pollution, empty and NUL keys, unstorable text, length).
  const oddKeys = ['__proto__', 'constructor', '', '\u0000', `k${spec.unpairedSurrogate ?? '\ud800'}`, '😀', 'x'.repeat(300)];

  function randomJson(r: Rnd, depth = 0): Json {
    // Past depth 3 only scalars and arrays, so random values stay small; `nest` and `deepArrays` go deep.
    switch (int(r, depth > 3 ? 4 : 6)) {
      case 0:
        return pick(r, [null, true, false]);
      case 1:
        return pick(r, boundaryValues);
      case 2:
        return (r() - 0.5) * 10 ** int(r, 20);
      case 3:
        return unicodeString(r, int(r, 12));
      case 4:
        return Array.from({ length: int(r, 4) }, () => randomJson(r, depth + 1));
      default:
        return Object.fromEntries(Array.from({ length: int(r, 5) }, () => [pick(r, fields), randomJson(r, depth + 1)]));
    }
  }

  // Mostly a key the message has, so a real field is damaged; otherwise a contract field it may lack.
  const anyKey = (r: Rnd, value: JsonObject) => (r() < 0.7 && Object.keys(value).length > 0 ? pick(r, Object.keys(value)) : pick(r, fields));

  /** Mutations of a decoded payload: each returns a new value, leaving the seed untouched. */
  const valueMutations: ValueMutation[] = [
    (v, r) => (isObject(v) ? Object.fromEntries(Object.entries(v).filter(([key]) => key !== anyKey(r, v))) : v),
    (v, r) => (isObject(v) ? { ...v, [anyKey(r, v)]: randomJson(r) } : v),
    (v, r) => (isObject(v) ? { ...v, [anyKey(r, v)]: pick(r, boundaryValues) } : v),
    // Up to 40,000 characters of 1 to 4 UTF-8 bytes each, so on both sides of the 64 KiB limit.
    (v, r) => (isObject(v) ? { ...v, [anyKey(r, v)]: pick(r, ['x', '漢', '😀']).repeat(1 + int(r, 40_000)) } : v),
    (v, r) => (isObject(v) ? { ...v, [anyKey(r, v)]: unicodeString(r, 1 + int(r, 30)) } : v),
    (v, r) => (isObject(v) ? { ...v, [anyKey(r, v)]: nest(randomJson(r), int(r, 60)) } : nest(v, int(r, 60))),
    (v, r) => (isObject(v) ? { ...v, [pick(r, oddKeys)]: randomJson(r) } : v),
    // The spec's own mutations sit here, before the generic tail, so each spec keeps its original draw order.
    ...(spec.valueMutations ?? []),
    // Another seed's fields over this one's: a message of one kind wearing another's fields.
    (v, r) => (isObject(v) ? { ...v, ...pick(r, seeds).value } : v),
    (v) => [v],
    (_v, r) => randomJson(r),
  ];

  /** Mutations of the encoded bytes: what a faulty gateway, base station or link does to a good message. */
  const byteMutations: ByteMutation[] = [
    (b, r) => {
      const at = int(r, b.length);
      return splice(b, at, [b[at] ^ (1 << int(r, 8))], 1);
    },
    (b, r) => b.subarray(0, int(r, b.length)),
    (b, r) => splice(b, int(r, b.length), pick(r, INVALID_UTF8)),
    (b) => splice(b, 0, [0xef, 0xbb, 0xbf]),
    // Fields spliced in as text can repeat a key, which a value-level mutation cannot express.
    (b, r) => splice(b, 1, encoder.encode(`"${pick(r, fields)}":${JSON.stringify(randomJson(r))},`)),
    (b, r) => splice(b, b.length - 1, encoder.encode(`,"${pick(r, fields)}":${JSON.stringify(randomJson(r))}`)),
    // At most 40 KB, under the size limit, so it is the depth check that must refuse it.
    (b, r) => splice(b, 1, encoder.encode(`"extra":${deepArrays(1 + int(r, 20_000))},`)),
  ];

  function mutatedSeed(r: Rnd): { seedKind: string; bytes: Uint8Array } {
    const seed = pick(r, seeds);
    let value: Json = seed.value;
    for (let i = int(r, 4); i > 0; i--) value = pick(r, valueMutations)(value, r);
    let bytes: Uint8Array = encoder.encode(JSON.stringify(value));
    if (r() < 0.2) bytes = pick(r, byteMutations)(bytes, r);
    return { seedKind: seed.kind, bytes };
  }

  function nextInput(r: Rnd): FuzzInput {
    // Most inputs are damaged seeds, which get past decoding to the contracts; the rest test decoding itself
    // (the bare nesting, up to 80 KB, is always too deep and over the size limit about half the time).
    const roll = r();
    const input =
      roll < 0.08 ? { seedKind: pick(r, kinds), bytes: randomBytes(r) }
      : roll < 0.16 ? { seedKind: pick(r, kinds), bytes: encoder.encode(JSON.stringify(randomJson(r))) }
      : roll < 0.18 ? { seedKind: pick(r, kinds), bytes: encoder.encode(deepArrays(1 + int(r, 40_000))) }
      : mutatedSeed(r);
    // Usually the body's own kind, so the contract is what decides; sometimes a wrong or unknown kind.
    const kindRoll = r();
    const kind =
      kindRoll < 0.85 ? input.seedKind
      : kindRoll < 0.95 ? pick(r, kinds)
      : pick(r, [...oddKinds, unicodeString(r, 5)]);
    return { kind, bytes: input.bytes };
  }

  return { nextInput };
}
