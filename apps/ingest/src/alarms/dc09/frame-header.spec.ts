import { parseHeader } from './frame-header';

describe('parseHeader', () => {
  it.each([
    [
      'receiver, line and account',
      '"ADM-CID"0247R4F39L4F39#4F39[#4F39|3401 01 057]',
      { id: 'ADM-CID', encrypted: false, sequence: '0247', receiver: '4F39', line: '4F39', account: '4F39', rest: '#4F39|3401 01 057]' },
    ],
    [
      'no receiver',
      '"SIA-DCS"0001L0#1234[]',
      { id: 'SIA-DCS', encrypted: false, sequence: '0001', receiver: undefined, line: '0', account: '1234', rest: ']' },
    ],
    [
      'encrypted',
      '"*NULL"0000R0L0#AAAB[B4BC',
      { id: 'NULL', encrypted: true, sequence: '0000', receiver: '0', line: '0', account: 'AAAB', rest: 'B4BC' },
    ],
    [
      'account only in the data block (pysiaalarm case_op)',
      '"SIA-DCS"4738R0001L0001[#006969|Nri04/OP001NM]',
      { id: 'SIA-DCS', encrypted: false, sequence: '4738', receiver: '0001', line: '0001', account: undefined, rest: '#006969|Nri04/OP001NM]' },
    ],
    [
      'an ID the receiver does not support still parses',
      '"XYZ"0001L0#1234[]',
      { id: 'XYZ', encrypted: false, sequence: '0001', receiver: undefined, line: '0', account: '1234', rest: ']' },
    ],
  ])('parses a header with %s', (_name, body, header) => {
    expect(parseHeader(body)).toEqual({ ok: true, header });
  });

  it.each([
    ['no quotes', 'SIA-DCS0001L0#1234[]'],
    ['3-digit sequence', '"SIA-DCS"001L0#1234[]'],
    ['no line', '"SIA-DCS"0001#1234[]'],
    ['no opening bracket', '"SIA-DCS"0001L0#1234'],
    ['account too short', '"SIA-DCS"0001L0#12[]'],
    ['non-hex account', '"SIA-DCS"0001L0#12ZZ[]'],
    ['plain text', 'this is not a parsable event'],
  ])('rejects a header with %s', (_name, body) => {
    expect(parseHeader(body)).toEqual({ ok: false, rejection: { code: 'bad-header', reason: expect.any(String) } });
  });
});
