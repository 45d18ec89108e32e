import { createCipheriv, createDecipheriv, randomInt } from 'crypto';

const BLOCK = 16;
const ZERO_IV = Buffer.alloc(BLOCK);
const HEX = /^(?:[0-9A-Fa-f]{32})+$/;
/** Pad characters may be anything printable except the three DC-09 uses as delimiters. */
const PAD_ALPHABET = Array.from({ length: 0x7f - 0x21 }, (_, i) => String.fromCharCode(0x21 + i))
  .filter((c) => !'[]|'.includes(c))
  .join('');

/** Supplies `length` pad characters; injectable so tests can produce exact bytes. */
export type PadSource = (length: number) => string;

/** Random pad characters from the DC-09 pad alphabet. */
export const randomPad: PadSource = (length) =>
  Array.from({ length }, () => PAD_ALPHABET[randomInt(PAD_ALPHABET.length)]).join('');

function algorithm(key: Buffer): string {
  if (![16, 24, 32].includes(key.length)) throw new Error(`AES key must be 16, 24 or 32 bytes, not ${key.length}`);
  return `aes-${key.length * 8}-cbc`;
}

/**
 * Encrypts the part of a message after `[` the way DC-09 does: pad characters ending in `|`
 * in front so the block fills whole AES blocks, AES-CBC with a zero IV, upper-case hex out.
 */
export function encryptContent(plain: string, key: Buffer, pad: PadSource = randomPad): string {
  const padLength = (BLOCK - ((plain.length + 1) % BLOCK)) % BLOCK;
  const cipher = createCipheriv(algorithm(key), key, ZERO_IV).setAutoPadding(false);
  const block = Buffer.from(`${pad(padLength)}|${plain}`, 'latin1');
  return Buffer.concat([cipher.update(block), cipher.final()]).toString('hex').toUpperCase();
}

/** Why cipher text could not be turned back into message content. */
export type DecryptResult = { ok: true; plain: string } | { ok: false; reason: string };

/**
 * Decrypts hex cipher text and strips the pad. The pad ends at the first `|` (dropped) or `]`
 * (kept): panels following DC-09 end it with `|`, while pysiaalarm's NULL messages pad straight
 * up to the `]` of an empty data block.
 */
export function decryptContent(hex: string, key: Buffer): DecryptResult {
  // A bad key comes from the register, not the panel; it must not throw in the middle of a decision.
  if (![16, 24, 32].includes(key.length)) return { ok: false, reason: `account key is ${key.length} bytes, not 16, 24 or 32` };
  if (!HEX.test(hex)) return { ok: false, reason: 'encrypted part is not hex in whole 16-byte blocks' };
  const decipher = createDecipheriv(algorithm(key), key, ZERO_IV).setAutoPadding(false);
  const text = Buffer.concat([decipher.update(Buffer.from(hex, 'hex')), decipher.final()]).toString('latin1');
  const end = text.search(/[|\]]/);
  if (end === -1) return { ok: false, reason: 'no pad delimiter after decryption (wrong key?)' };
  const plain = text.slice(text[end] === '|' ? end + 1 : end);
  if (!/^[\x20-\x7e]*$/.test(plain)) return { ok: false, reason: 'decrypted text is not printable (wrong key?)' };
  return { ok: true, plain };
}
