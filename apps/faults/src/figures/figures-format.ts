import { z } from 'zod';
import { CsvColumn } from './write-csv';

/** CSV when asked by `format=csv`, or by `Accept: text/csv` unless `format=json` says otherwise; JSON by default. */
export function wantsCsv(format: 'json' | 'csv' | undefined, accept: string | undefined): boolean {
  if (format) return format === 'csv';
  return (accept ?? '').split(',').some((type) => type.split(';')[0].trim().toLowerCase() === 'text/csv');
}

/** A CSV column per field of a row's contract schema, in its order: the JSON and the CSV cannot drift apart. */
export function columnsOf<Row extends Record<string, string | number | boolean | null>>(schema: z.ZodObject): CsvColumn<Row>[] {
  return Object.keys(schema.shape).map((header) => ({ header, value: (row: Row) => row[header] ?? null }));
}

/** The download's file name: the report and its period, in characters every file system takes. */
export function csvFileName(report: string, from: string, to: string): string {
  const safe = (text: string) => text.replace(/[^0-9A-Za-z-]+/g, '');
  return `${report}_${safe(from)}_${safe(to)}.csv`;
}
