import { Controller, DefaultValuePipe, Get, ParseIntPipe, Query, UseGuards } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ControlRoomGuard } from '@vigil/auth';
import { INGEST_SCHEMA } from '../ingest.schema';
import { DeadLetterEntity } from './dead-letter.entity';

/** A dead letter as the API shows it: raw bytes as base64 and, when printable, as text. */
export interface DeadLetterView {
  id: string;
  rejectedBy: string;
  origin: string;
  reason: string;
  rawBase64: string;
  rawText: string | null;
  receivedAt: string;
  deliveryAttempts: number;
}

function printable(raw: Buffer): string | null {
  const text = raw.toString('utf8');
  return /^[\x09\x0a\x0d\x20-\x7e\u00a0-\uffff]*$/.test(text) && !text.includes('\ufffd') ? text : null;
}

/** What Vigil refused, newest first, for control-room staff (not partners or the contractor). */
@Controller('api/dead-letters')
@UseGuards(ControlRoomGuard)
export class DeadLettersController {
  constructor(@InjectDataSource(INGEST_SCHEMA) private readonly dataSource: DataSource) {}

  @Get()
  async list(@Query('limit', new DefaultValuePipe(100), ParseIntPipe) limit: number): Promise<DeadLetterView[]> {
    const rows = await this.dataSource
      .getRepository(DeadLetterEntity)
      .find({ order: { recordedAt: 'DESC' }, take: Math.min(Math.max(limit, 1), 1000) });
    return rows.map((row) => ({
      id: row.id,
      rejectedBy: row.rejectedBy,
      origin: row.origin,
      reason: row.reason,
      rawBase64: row.raw.toString('base64'),
      rawText: printable(row.raw),
      receivedAt: row.receivedAt.toISOString(),
      deliveryAttempts: row.deliveryAttempts,
    }));
  }
}
