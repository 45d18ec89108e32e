import { CsvSyntaxError, parseCsv } from './parse-csv';

describe('parseCsv (RFC 4180, through csv-parse)', () => {
  it.each<[string, string, string[][]]>([
    ['plain fields, CRLF', 'a,b,c\r\n1,2,3\r\n', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['LF line ends', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['no line end after the last record', 'a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['empty fields', 'a,,c\r\n,,\r\n', [['a', '', 'c'], ['', '', '']]],
    ['a quoted comma', '"High St, Hitchin",2\r\n', [['High St, Hitchin', '2']]],
    ['a doubled quote', '"The ""Red Lion""",x\r\n', [['The "Red Lion"', 'x']]],
    ['a line break inside quotes (read as LF)', '"line one\r\nline two",x\r\n', [['line one\nline two', 'x']]],
    ['a quoted empty field', '"",x\r\n""\r\n', [['', 'x'], ['']]],
    ['a byte-order mark (Excel CSV UTF-8)', '\ufeffa,b\r\n', [['a', 'b']]],
    ['blank lines are skipped', 'a\r\n\r\nb\r\n\n', [['a'], ['b']]],
    ['spaces are kept (the caller trims what it means to)', ' a , b \r\n', [[' a ', ' b ']]],
    ['a bare CR inside a field is text', 'a\rb,c\r\n', [['a\rb', 'c']]],
  ])('%s', (_what, text, expected) => {
    expect(parseCsv(text).map((r) => r.fields)).toEqual(expected);
  });

  it('says which line each record starts on, counting line breaks inside quotes', () => {
    expect(parseCsv('h1,h2\r\n"two\r\nlines",x\r\n\r\nlast,y\r\n').map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it.each<[string, string, number, RegExp]>([
    ['an unclosed quote', 'a,b\r\n"open,x\r\n', 2, /never closed/],
    ['a quote inside an unquoted field', 'a,b"c\r\n', 1, /quote inside an unquoted field/],
    ['text after a closing quote', '"a"b,c\r\n', 1, /text after a closing quote/],
  ])('refuses %s, naming the line', (_what, text, line, message) => {
    try {
      parseCsv(text);
      throw new Error('parsed');
    } catch (error) {
      expect(error).toBeInstanceOf(CsvSyntaxError);
      expect((error as CsvSyntaxError).line).toBe(line);
      expect((error as Error).message).toMatch(message);
    }
  });
});
