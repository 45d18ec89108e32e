import { stringify } from 'csv-stringify/sync';

/** A column of a CSV export: its header and how a row gives its value. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null;
}

/**
 * Writes rows as RFC 4180 CSV with CRLF line ends, headers first: what Excel and the councils'
 * tools read. csv-stringify (the writer of the csv-parse family the register's import reads with)
 * quotes and doubles as needed; `escape_formulas` puts an apostrophe before a cell a spreadsheet
 * would run as a formula (CSV injection, OWASP), since a camera location or an engineer's note is
 * free text.
 */
export function writeCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  return stringify(
    rows.map((row) => columns.map((c) => c.value(row))),
    { header: true, columns: columns.map((c) => c.header), record_delimiter: 'windows', escape_formulas: true, cast: { boolean: String } },
  );
}
