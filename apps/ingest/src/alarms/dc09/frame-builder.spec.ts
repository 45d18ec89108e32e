import { decryptContent } from './aes-cbc';
import { buildFrame } from './frame-builder';

const KEY = Buffer.from('AAAAAAAAAAAAAAAA', 'latin1');

describe('buildFrame', () => {
  it.each([
    [
      'a plain SIA-DCS message (fioletoven to_string_test)',
      { id: 'SIA-DCS', sequence: '0001', receiver: 'F3', line: '77', account: '1234', data: '#1234|NRR|Atest' },
      '\nF4D20029"SIA-DCS"0001RF3L77#1234[#1234|NRR|Atest]\r',
    ],
    [
      'a message with x-data and timestamp (pysiaalarm case_xdata_X_and_Y, length corrected)',
      {
        id: 'SIA-DCS',
        sequence: '0004',
        line: '0',
        account: '1111',
        data: '#1111|Nri1/PA501',
        xdata: ['X006E07.7777777', 'Y49N06.6666666'],
        timestamp: new Date('2021-04-22T20:45:46Z'),
      },
      '\n5B09005B"SIA-DCS"0004L0#1111[#1111|Nri1/PA501][X006E07.7777777][Y49N06.6666666]_20:45:46,04-22-2021\r',
    ],
  ])('writes %s', (_name, message, expected) => {
    expect(buildFrame(message).toString('latin1')).toBe(expected);
  });

  it('encrypts everything after [ and marks the ID with *', () => {
    const frame = buildFrame(
      { id: 'ADM-CID', sequence: '0010', line: '0', account: '1111', data: '#1111|1130 01 003', timestamp: new Date('2026-01-01T00:00:00Z') },
      KEY,
    ).toString('latin1');
    expect(frame).toMatch(/^\n[0-9A-F]{8}"\*ADM-CID"0010L0#1111\[([0-9A-F]{32})+\r$/);
    const cipher = frame.slice(frame.indexOf('[') + 1, -1);
    expect(decryptContent(cipher, KEY)).toEqual({ ok: true, plain: '#1111|1130 01 003]_00:00:00,01-01-2026' });
  });
});
