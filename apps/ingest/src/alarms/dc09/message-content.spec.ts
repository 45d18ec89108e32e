import { parseContent } from './message-content';

describe('parseContent', () => {
  it.each([
    ['empty data', ']', {}],
    ['data only', '#1234|NRR|Atest]', { data: '#1234|NRR|Atest' }],
    ['data and timestamp', '|Nri1/WA000]_16:04:02,07-09-2020', { data: '|Nri1/WA000', timestamp: new Date('2020-07-09T16:04:02Z') }],
    ['one x-data block', '|Nri1/CL501][M0026B9E4268B]', { data: '|Nri1/CL501', xdata: ['M0026B9E4268B'] }],
    [
      'two x-data blocks and a timestamp',
      '#1111|Nri1/PA501][X006E07.7777777][Y49N06.6666666]_20:45:46,04-22-2021',
      { data: '#1111|Nri1/PA501', xdata: ['X006E07.7777777', 'Y49N06.6666666'], timestamp: new Date('2021-04-22T20:45:46Z') },
    ],
    ['timestamp of an empty NULL message', ']_16:04:02,07-09-2020', { timestamp: new Date('2020-07-09T16:04:02Z') }],
  ])('reads %s', (_name, text, content) => {
    expect(parseContent(text)).toEqual({ ok: true, content });
  });

  it.each([
    ['no closing bracket', '#1234|NBA01', 'bad-data'],
    ['a bracket inside the data', '#1234|N[BA01]', 'bad-data'],
    ['text after the blocks without underscore', '#1234|NBA01]junk', 'bad-data'],
    ['a control character', '#1234|NBA01\x01]', 'bad-data'],
    ['a malformed timestamp', '#1234|NBA01]_14:12:04,09-25-201', 'bad-timestamp'],
  ])('rejects %s', (_name, text, code) => {
    expect(parseContent(text)).toEqual({ ok: false, rejection: { code, reason: expect.any(String) } });
  });
});
