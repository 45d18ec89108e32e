import { parseCsv } from '../register/csv/parse-csv';
import { CsvColumn, writeCsv } from './write-csv';

interface Row {
  text: string | null;
  n: number | null;
}
const columns: CsvColumn<Row>[] = [
  { header: 'text', value: (r) => r.text },
  { header: 'n', value: (r) => r.n },
];

describe('writeCsv', () => {
  it.each<[string, Row, string[]]>([
    ['plain text and a number', { text: 'Market Place', n: 12.5 }, ['Market Place', '12.5']],
    ['a comma is kept inside one field', { text: 'High Street, Hitchin', n: 1 }, ['High Street, Hitchin', '1']],
    ['quotes survive', { text: 'the "old" cabinet', n: 0 }, ['the "old" cabinet', '0']],
    ['a line break stays inside the field', { text: 'line one\r\nline two', n: 2 }, ['line one\nline two', '2']],
    ['null is an empty field', { text: null, n: null }, ['', '']],
    ['a formula is written as text, not run by the spreadsheet', { text: '=HYPERLINK("x")', n: 3 }, ['\'=HYPERLINK("x")', '3']],
  ])('%s, read back by the register\'s CSV reader', (_what, row, fields) => {
    const written = writeCsv(columns, [row]);
    expect(written.endsWith('\r\n')).toBe(true);
    expect(parseCsv(written).map((r) => r.fields)).toEqual([['text', 'n'], fields]);
  });

  it('writes only the header when there are no rows', () => {
    expect(writeCsv(columns, [])).toBe('text,n\r\n');
  });
});
