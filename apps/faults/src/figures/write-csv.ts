/** A column of a CSV export: its header and how a row gives its value. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null;
}

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection, OWASP);
// a camera location or an engineer's note is free text, so such a cell is written with a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes rows as RFC 4180 CSV (CRLF line ends, fields with commas, quotes or line breaks quoted,
 * quotes doubled), headers first: what Excel and the councils' tools read. Hand-written because
 * csv-stringify is not among the project's packages; the register's CSV reader (csv-parse) reads
 * it back in the spec.
 */
export function writeCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => cell(c.header)), ...rows.map((row) => columns.map((c) => cell(c.value(row))))];
  return lines.map((fields) => `${fields.join(',')}\r\n`).join('');
}
