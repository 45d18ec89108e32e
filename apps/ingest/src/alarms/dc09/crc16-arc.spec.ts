import { crc16Arc, hex4 } from './crc16-arc';

describe('crc16Arc', () => {
  it.each([
    ['CRC-16/ARC check value', '123456789', 'BB3D'],
    ['empty input', '', '0000'],
    ['fioletoven SIA-DCS message', '"SIA-DCS"0001L0#1234[]', '96ED'],
    ['pysiaalarm ADM-CID message', '"ADM-CID"1234L0#1111[#1111|1999 00 001]', 'B257'],
  ])('%s', (_name, input, expected) => {
    expect(hex4(crc16Arc(Buffer.from(input, 'latin1')))).toBe(expected);
  });
});

describe('hex4', () => {
  it.each([
    [0, '0000'],
    [0x2f, '002F'],
    [0xffff, 'FFFF'],
  ])('%d -> %s', (value, expected) => {
    expect(hex4(value)).toBe(expected);
  });
});
