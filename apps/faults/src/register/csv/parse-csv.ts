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

/**
 * Parses CSV as RFC 4180 writes it: comma-separated fields, records ended by CRLF (a bare LF is
 * taken too: files pass through Unix tools), fields in double quotes may hold commas, line breaks
 * and doubled quotes. A byte-order mark (Excel's "CSV UTF-8") is dropped, and so are blank lines.
 * Written here because no CSV parser is among Vigil's dependencies and the format is this small.
 */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  // A quoted empty field ("") makes a record of one empty field, which a blank line does not.
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || field !== '' || quoted) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    quoted = false;
  };
  while (i < input.length) {
    const c = input[i];
    if (c === '"') {
      if (field !== '' || quoted) throw new CsvSyntaxError(line, 'a quote inside an unquoted field (quote the whole field and double the quote)');
      quoted = true;
      i = readQuoted(input, i + 1, (char) => {
        if (char === '\n') line += 1;
        field += char;
      }, recordLine);
      const next = input[i];
      if (next !== undefined && next !== ',' && next !== '\n' && !(next === '\r' && input[i + 1] === '\n')) {
        throw new CsvSyntaxError(line, 'text after a closing quote (a field is either all quoted or not quoted)');
      }
    } else if (c === ',') {
      fields.push(field);
      field = '';
      quoted = false;
      i += 1;
    } else if (c === '\n' || (c === '\r' && input[i + 1] === '\n')) {
      endRecord();
      i += c === '\r' ? 2 : 1;
      line += 1;
      recordLine = line;
    } else {
      field += c;
      i += 1;
    }
  }
  if (field !== '' || quoted || fields.length > 0) endRecord();
  return records;
}

/** Reads a quoted field's content from just after its opening quote; returns the index after the closing quote. */
function readQuoted(input: string, from: number, take: (char: string) => void, recordLine: number): number {
  let i = from;
  for (;;) {
    if (i >= input.length) throw new CsvSyntaxError(recordLine, 'a quoted field is never closed');
    if (input[i] === '"') {
      if (input[i + 1] !== '"') return i + 1;
      take('"');
      i += 2;
    } else {
      take(input[i]);
      i += 1;
    }
  }
}
