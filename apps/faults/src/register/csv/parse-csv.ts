import { CsvError, parse } from 'csv-parse/sync';

/** One record of a CSV file and the line it starts on (1-based), so a refusal can name the line. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A CSV file that is not RFC 4180, with the line of the first problem. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

/** What a council officer is told, in place of csv-parse's wording, for the mistakes spreadsheets make. */
const PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field (quote the whole field and double the quote)',
  CSV_INVALID_CLOSING_QUOTE: 'text after a closing quote (a field is either all quoted or not quoted)',
};

/**
 * Parses CSV as RFC 4180 writes it, with csv-parse: comma-separated fields, records ended by CRLF
 * (a bare LF is taken too: files pass through Unix tools), fields in double quotes may hold
 * commas, line breaks and doubled quotes. A byte-order mark (Excel's "CSV UTF-8") is dropped, and
 * so are blank lines; rows may differ in length (the asset-list reader names the short ones).
 */
export function parseCsv(text: string): CsvRecord[] {
  // One record delimiter for the whole file, whatever mix of line ends it came with (a line break
  // inside a quoted field reads as LF too).
  const input = text.replace(/\r\n/g, '\n');
  try {
    const parsed = parse(input, {
      bom: true,
      record_delimiter: '\n',
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      raw: true,
    }) as unknown as { record: string[]; info: { lines: number }; raw: string }[];
    return parsed.map(({ record, info, raw }) => ({ line: info.lines - lineBreaksWithin(raw), fields: record }));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 1;
    throw new CsvSyntaxError(line, PROBLEMS[error.code] ?? error.message);
  }
}

/** The line breaks inside a record's own text (csv-parse counts lines at its end): not the blank lines before it, not its own end. */
function lineBreaksWithin(raw: string): number {
  const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
  return (body.match(/\r|\n/g) ?? []).length;
}
