import { z } from 'zod';
import {
  checkGatewayPayload,
  decodeGatewayPayload,
  describeZodError,
  MAX_GATEWAY_PAYLOAD_BYTES,
  MAX_GATEWAY_PAYLOAD_DEPTH,
} from './gateway-payload';

const utf8 = (text: string) => new TextEncoder().encode(text);
const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
/** A JSON string literal padded so the whole body is exactly `size` bytes. */
const bodyOfSize = (size: number) => utf8(`"${'a'.repeat(size - 2)}"`);

describe('decodeGatewayPayload', () => {
  it.each([
    ['an object', utf8('{"gatewayId":"gw-1","n":[1,2]}'), { gatewayId: 'gw-1', n: [1, 2] }],
    ['a bare value', utf8('42'), 42],
    ['multi-byte UTF-8', utf8('{"text":"Café 😀 Straße"}'), { text: 'Café 😀 Straße' }],
    ['an escaped surrogate pair', utf8('{"text":"\\ud83d\\ude00"}'), { text: '😀' }],
    ['a leading byte-order mark', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{"a":1}')]), { a: 1 }],
    ['exactly 64 KiB', bodyOfSize(MAX_GATEWAY_PAYLOAD_BYTES), 'a'.repeat(MAX_GATEWAY_PAYLOAD_BYTES - 2)],
    [`${MAX_GATEWAY_PAYLOAD_DEPTH} levels of nesting`, utf8(nested(MAX_GATEWAY_PAYLOAD_DEPTH)), expect.any(Array)],
  ])('accepts %s', (_name, bytes, value) => {
    expect(decodeGatewayPayload(bytes)).toEqual({ ok: true, value });
  });

  it.each([
    ['64 KiB and one byte', bodyOfSize(MAX_GATEWAY_PAYLOAD_BYTES + 1), /^payload too large: 65537 bytes, over the 64 KiB limit$/],
    ['an invalid UTF-8 byte', new Uint8Array([0x7b, 0xff, 0x7d]), /^not UTF-8 JSON: /],
    ['a UTF-8-encoded surrogate', new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22]), /^not UTF-8 JSON: /],
    ['an overlong encoding', new Uint8Array([0x22, 0xc0, 0xaf, 0x22]), /^not UTF-8 JSON: /],
    ['truncated JSON', utf8('{"gatewayId": "gw-1", "text": '), /^not UTF-8 JSON: /],
    ['an empty body', new Uint8Array(), /^not UTF-8 JSON: /],
    ['deeper nesting', utf8(nested(MAX_GATEWAY_PAYLOAD_DEPTH + 1)), /^payload nested deeper than 32 levels at 0\.0\./],
    ['U+0000 in a value', utf8('{"a":{"text":"x\\u0000y"}}'), /^text at a\.text contains U\+0000/],
    ['U+0000 in a key', utf8('{"a":{"\\u0000":1}}'), /^key in a contains U\+0000/],
    ['a lone high surrogate', utf8('["ok","\\ud800x"]'), /^text at 1 contains an unpaired UTF-16 surrogate/],
    ['a lone low surrogate', utf8('"\\udc00"'), /^text at \(message\) contains an unpaired UTF-16 surrogate/],
    ['a long key, shortened', utf8(`{"${'k'.repeat(100)}":"\\u0000"}`), new RegExp(`^text at ${'k'.repeat(40)}… contains`)],
  ])('rejects %s', (_name, bytes, reason) => {
    const result = decodeGatewayPayload(bytes);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
});

describe('checkGatewayPayload', () => {
  const schema = z.object({ gatewayId: z.string().min(1), called: z.object({ id: z.number().int() }).optional() });

  it('returns the parsed data without unknown fields', () => {
    expect(checkGatewayPayload(schema, { gatewayId: 'gw-1', extra: true }, 'Test message')).toEqual({ ok: true, data: { gatewayId: 'gw-1' } });
  });

  it.each([
    [{}, 'invalid Test message: gatewayId: Invalid input: expected string, received undefined'],
    [{ gatewayId: 'gw-1', called: { id: 1.5 } }, 'invalid Test message: called.id: Invalid input: expected int, received number'],
    [null, 'invalid Test message: (message): Invalid input: expected object, received null'],
    [[], 'invalid Test message: (message): Invalid input: expected object, received array'],
  ])('names the first problem of %j', (value, reason) => {
    expect(checkGatewayPayload(schema, value, 'Test message')).toEqual({ ok: false, reason });
  });
});

describe('describeZodError', () => {
  it('reports only the first issue, as path: message', () => {
    const error = z.object({ a: z.string(), b: z.string() }).safeParse({}).error!;
    expect(error.issues).toHaveLength(2);
    expect(describeZodError(error)).toBe('a: Invalid input: expected string, received undefined');
  });
});
