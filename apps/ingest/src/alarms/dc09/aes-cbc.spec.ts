import { createCipheriv } from 'crypto';
import { decryptContent, encryptContent, randomPad } from './aes-cbc';

const KEY_128 = Buffer.from('AAAAAAAAAAAAAAAA', 'latin1');
const KEY_192 = Buffer.alloc(24, 7);
const KEY_256 = Buffer.alloc(32, 9);
const fixedPad = (length: number): string => 'p'.repeat(length);

/** Encrypts exactly the given text, with no DC-09 pad, to model other implementations. */
function rawEncrypt(text: string, key: Buffer): string {
  const cipher = createCipheriv(`aes-${key.length * 8}-cbc`, key, Buffer.alloc(16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.from(text, 'latin1')), cipher.final()]).toString('hex').toUpperCase();
}

describe('encryptContent / decryptContent', () => {
  it.each([
    ['AES-128', KEY_128],
    ['AES-192', KEY_192],
    ['AES-256', KEY_256],
  ])('round-trips with %s', (_name, key) => {
    const plain = '#1234|Nri1/BA01]_10:00:00,01-01-2026';
    const hex = encryptContent(plain, key);
    expect(hex).toMatch(/^(?:[0-9A-F]{32})+$/);
    expect(decryptContent(hex, key)).toEqual({ ok: true, plain });
  });

  it.each([0, 1, 14, 15, 16, 17, 31])('pads %d characters of content to whole blocks, pad ending in |', (length) => {
    const plain = 'x'.repeat(length);
    const hex = encryptContent(plain, KEY_128, fixedPad);
    expect((hex.length / 2) % 16).toBe(0);
    expect(hex.length / 2).toBeLessThan(plain.length + 1 + 16);
    expect(decryptContent(hex, KEY_128)).toEqual({ ok: true, plain });
  });

  it('produces exact bytes with a fixed pad', () => {
    const hex = encryptContent(']_08:13:21,11-23-2026', KEY_128, fixedPad);
    expect(hex).toBe(rawEncrypt(`pppppppppp|]_08:13:21,11-23-2026`, KEY_128));
  });

  it.each([
    ['pysiaalarm zero pad before "|" data', '0000000000000000|Nri0/RP000]_16:04:02,07-09-2020', 'Nri0/RP000]_16:04:02,07-09-2020'],
    ['pysiaalarm zero pad straight up to "]"', '00000000000]_16:04:02,07-09-2020', ']_16:04:02,07-09-2020'],
    ['DC-09 pad with control characters', '\x14\x15abcdefghijklm|#1234|NBA01]_10:00:00,01-01-2026', '#1234|NBA01]_10:00:00,01-01-2026'],
  ])('strips a %s', (_name, text, plain) => {
    expect(decryptContent(rawEncrypt(text, KEY_128), KEY_128)).toEqual({ ok: true, plain });
  });

  it.each([
    ['not hex', 'XYZ', KEY_128, /hex/],
    ['half a block', 'AB'.repeat(8), KEY_128, /blocks/],
    ['empty', '', KEY_128, /blocks/],
    ['the wrong key', encryptContent('#1234|NBA01]_10:00:00,01-01-2026', KEY_128), KEY_256, /wrong key/],
  ])('fails on %s', (_name, hex, key, reason) => {
    expect(decryptContent(hex, key)).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('refuses a key of the wrong size', () => {
    expect(() => encryptContent('x', Buffer.alloc(10))).toThrow(/16, 24 or 32 bytes/);
    expect(decryptContent('AB'.repeat(16), Buffer.alloc(10))).toEqual({ ok: false, reason: expect.stringMatching(/10 bytes/) });
  });
});

describe('randomPad', () => {
  it('never uses the DC-09 delimiters or non-printable characters', () => {
    const pad = randomPad(5000);
    expect(pad).toHaveLength(5000);
    expect(pad).toMatch(/^[\x21-\x7e]+$/);
    expect(pad).not.toMatch(/[[\]|]/);
  });
});
