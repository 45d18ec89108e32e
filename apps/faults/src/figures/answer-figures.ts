import { Request, Response } from 'express';
import { z } from 'zod';
import { FaultFiguresQuery } from '@vigil/contracts';
import { columnsOf, csvFileName, wantsCsv } from './figures-format';
import { writeCsv } from './write-csv';

type FlatRow = Record<string, string | number | boolean | null>;

/** A report's rows as JSON, or as a CSV download when the caller asked for CSV (see wantsCsv). */
export function answerFigures<Row extends FlatRow>(req: Request, res: Response, query: FaultFiguresQuery, report: string, schema: z.ZodObject, rows: Row[]): Row[] | string {
  if (!wantsCsv(query.format, req.headers.accept)) return rows;
  res.type('text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${csvFileName(report, query.from, query.to)}"`);
  return writeCsv(columnsOf<Row>(schema), rows);
}
