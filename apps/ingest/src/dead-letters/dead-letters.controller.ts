import { Controller, DefaultValuePipe, Get, HttpCode, Param, ParseIntPipe, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuthenticatedRequest, ControlRoomGuard } from '@vigil/auth';
import { ApiControlRoomToken } from '@vigil/config';
import { INGEST_SCHEMA } from '../ingest.schema';
import { DeadLetterReplayEntity } from './dead-letter-replay.entity';
import { DeadLetterEntity } from './dead-letter.entity';
import { ApiListDeadLetters, ApiReplayDeadLetter } from './dead-letters-openapi';
import { ReplayDeadLetterUseCase, ReplayReceipt } from './replay-dead-letter.usecase';

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
  /** How often an operator sent it back onto the bus, and the latest time and who. */
  replayCount: number;
  lastReplayedAt: string | null;
  lastReplayedBy: string | null;
}

function printable(raw: Buffer): string | null {
  const text = raw.toString('utf8');
  return /^[\x09\x0a\x0d\x20-\x7e\u00a0-\uffff]*$/.test(text) && !text.includes('\ufffd') ? text : null;
}

/** What Vigil refused, newest first, for control-room staff (not partners or the contractor). */
@ApiTags('dead letters')
@ApiControlRoomToken()
@Controller('api/dead-letters')
@UseGuards(ControlRoomGuard)
export class DeadLettersController {
  constructor(
    @InjectDataSource(INGEST_SCHEMA) private readonly dataSource: DataSource,
    private readonly replayDeadLetter: ReplayDeadLetterUseCase,
  ) {}

  @Get()
  @ApiListDeadLetters()
  async list(@Query('limit', new DefaultValuePipe(100), ParseIntPipe) limit: number): Promise<DeadLetterView[]> {
    const rows = await this.dataSource
      .getRepository(DeadLetterEntity)
      .find({ order: { recordedAt: 'DESC' }, take: Math.min(Math.max(limit, 1), 1000) });
    const replays = await this.replaysOf(rows.map((row) => row.id));
    return rows.map((row) => ({
      id: row.id,
      rejectedBy: row.rejectedBy,
      origin: row.origin,
      reason: row.reason,
      rawBase64: row.raw.toString('base64'),
      rawText: printable(row.raw),
      receivedAt: row.receivedAt.toISOString(),
      deliveryAttempts: row.deliveryAttempts,
      replayCount: replays.get(row.id)?.length ?? 0,
      lastReplayedAt: replays.get(row.id)?.[0].replayedAt.toISOString() ?? null,
      lastReplayedBy: replays.get(row.id)?.[0].replayedBy ?? null,
    }));
  }

  /** Sends the kept bytes back to the NATS subject they came from (409 for HTTP or DC-09 origins). */
  @Post(':id/replay')
  @HttpCode(202)
  @ApiReplayDeadLetter()
  replay(@Param('id') id: string, @Req() request: AuthenticatedRequest): Promise<ReplayReceipt> {
    return this.replayDeadLetter.execute(id, request.principal);
  }

  /** Replays per dead letter, newest first. */
  private async replaysOf(ids: string[]): Promise<Map<string, DeadLetterReplayEntity[]>> {
    const byLetter = new Map<string, DeadLetterReplayEntity[]>();
    if (ids.length === 0) return byLetter;
    const replays = await this.dataSource
      .getRepository(DeadLetterReplayEntity)
      .find({ where: { deadLetterId: In(ids) }, order: { replayedAt: 'DESC' } });
    for (const replay of replays) byLetter.set(replay.deadLetterId, [...(byLetter.get(replay.deadLetterId) ?? []), replay]);
    return byLetter;
  }
}
