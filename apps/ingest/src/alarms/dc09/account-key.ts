const HEX = /^[0-9A-Fa-f]*$/;
const PRINTABLE = /^[\x20-\x7e]*$/;

/**
 * Parses an account's AES key as configured: `hex:` or `ascii:` prefix forces the reading;
 * otherwise 32/48/64 hex digits are hex (AES-128/192/256), and 16/24/32 printable
 * characters are the key bytes themselves. A 32-character all-hex string is read as HEX
 * (AES-128), because receivers and panel tools show keys as hex; write `ascii:` to mean
 * a 32-character text key for AES-256. Throws on anything else, as configuration should fail fast.
 */
export function parseAccountKey(text: string): Buffer {
  if (text.startsWith('hex:')) return fromHex(text.slice(4));
  if (text.startsWith('ascii:')) return fromAscii(text.slice(6));
  const value = text.trim();
  if ([32, 48, 64].includes(value.length) && HEX.test(value)) return fromHex(value);
  return fromAscii(value);
}

function fromHex(value: string): Buffer {
  if (![32, 48, 64].includes(value.length) || !HEX.test(value)) {
    throw new Error(`hex AES key must be 32, 48 or 64 hex digits, got ${value.length} characters`);
  }
  return Buffer.from(value, 'hex');
}

function fromAscii(value: string): Buffer {
  if (![16, 24, 32].includes(value.length) || !PRINTABLE.test(value)) {
    throw new Error(`text AES key must be 16, 24 or 32 printable characters, got ${value.length}`);
  }
  return Buffer.from(value, 'latin1');
}
