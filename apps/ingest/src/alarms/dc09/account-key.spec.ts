import { parseAccountKey } from './account-key';

describe('parseAccountKey', () => {
  it.each([
    ['16 ASCII characters (AES-128)', 'AAAAAAAAAAAAAAAA', Buffer.from('AAAAAAAAAAAAAAAA')],
    ['24 ASCII characters (AES-192)', 'abcdefghijklmnopqrstuvwx', Buffer.from('abcdefghijklmnopqrstuvwx')],
    ['32 ASCII characters, not all hex (AES-256)', 'this is a 32 character text key!', Buffer.from('this is a 32 character text key!')],
    ['32 hex digits (AES-128): hex wins over ASCII', '000102030405060708090A0B0C0D0E0F', Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex')],
    ['48 hex digits (AES-192)', 'ab'.repeat(24), Buffer.alloc(24, 0xab)],
    ['64 hex digits (AES-256)', 'CD'.repeat(32), Buffer.alloc(32, 0xcd)],
    ['an ascii: prefix forcing a 32-character hex-looking text key', `ascii:${'1'.repeat(32)}`, Buffer.from('1'.repeat(32))],
    ['a hex: prefix', `hex:${'0F'.repeat(16)}`, Buffer.alloc(16, 0x0f)],
    ['surrounding whitespace', '  AAAAAAAAAAAAAAAA\n', Buffer.from('AAAAAAAAAAAAAAAA')],
  ])('reads %s', (_name, text, key) => {
    expect(parseAccountKey(text)).toEqual(key);
  });

  it.each([
    ['15 characters', 'AAAAAAAAAAAAAAA'],
    ['33 characters', 'A'.repeat(33)],
    ['a hex: prefix with text', 'hex:AAAAAAAAAAAAAAAA'],
    ['an ascii: prefix with 20 characters', `ascii:${'a'.repeat(20)}`],
    ['non-printable characters', '\x01'.repeat(16)],
    ['empty', ''],
  ])('refuses %s', (_name, text) => {
    expect(() => parseAccountKey(text)).toThrow(/AES key/);
  });
});
