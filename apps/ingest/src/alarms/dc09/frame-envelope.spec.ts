import { openFrame, wrapFrame } from './frame-envelope';

const frame = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('wrapFrame', () => {
  it.each([
    ['"SIA-DCS"0001L0#1234[]', '\n96ED0016"SIA-DCS"0001L0#1234[]\r'],
    ['"NAK"0000R0L0A0[]_16:20:01,09-24-2025', '\nE4410025"NAK"0000R0L0A0[]_16:20:01,09-24-2025\r'],
  ])('frames %s', (body, expected) => {
    expect(wrapFrame(body).toString('latin1')).toBe(expected);
  });
});

describe('openFrame', () => {
  it('returns the body of a well-formed frame', () => {
    expect(openFrame(frame('\n96ED0016"SIA-DCS"0001L0#1234[]\r'))).toEqual({ ok: true, body: '"SIA-DCS"0001L0#1234[]' });
  });

  it.each([
    ['no LF', '96ED0016"SIA-DCS"0001L0#1234[]\r', 'unframed', /LF/],
    ['no CR', '\n96ED0016"SIA-DCS"0001L0#1234[]', 'unframed', /CR/],
    ['empty', '', 'unframed', /LF/],
    ['non-hex CRC', '\nZZZZ0016"SIA-DCS"0001L0#1234[]\r', 'bad-header', /hex/],
    ['no quote after the length', '\n96ED0016SIA-DCS"0001L0#1234[]\r', 'bad-header', /quote/],
    ['too short for a header', '\n96ED\r', 'bad-header', /hex/],
    ['wrong length', '\n96ED0017"SIA-DCS"0001L0#1234[]\r', 'length-mismatch', /declared length 0017 but message is 0016/],
    ['wrong CRC', '\n96EE0016"SIA-DCS"0001L0#1234[]\r', 'crc-mismatch', /declared 96EE, calculated 96ED/],
    ['wrong length and CRC', '\n00000099"SIA-DCS"0001L0#1234[]\r', 'length-mismatch', /0099.*CRC declared 0000, calculated 96ED/],
  ])('rejects a frame with %s', (_name, text, code, reason) => {
    const result = openFrame(frame(text));
    expect(result).toEqual({ ok: false, rejection: { code, reason: expect.stringMatching(reason) } });
  });

  it('accepts lower-case hex in the CRC and length', () => {
    expect(openFrame(frame('\n96ed0016"SIA-DCS"0001L0#1234[]\r')).ok).toBe(true);
  });
});
