import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@vigil/auth';
import { AppTimers, timersToken } from '@vigil/timers';
import { acceptNewSilence } from '../domain/mute/new-silence';
import { NOTIFY_SCHEMA } from '../notify.schema';
import { mayManageSilences } from './silence-access';
import { SilenceEntity } from './silence.entity';
import { SilenceResult } from './silence-result';
import { silenceRecordOf } from './silence-store';
import { scheduleSilenceTimers } from './silence-timers';
import { toSilenceView } from './silence-view';

/**
 * POST /api/notify/silences: a silence checked whole by the domain, its author who signs in; the
 * row and its reminder and end timers are one transaction.
 */
@Injectable()
export class CreateSilenceUseCase {
  private readonly logger = new Logger('Silences');

  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource,
    @Inject(timersToken(NOTIFY_SCHEMA)) private readonly timers: AppTimers,
  ) {}

  async create(by: Principal, body: unknown, now = new Date()): Promise<SilenceResult> {
    if (!mayManageSilences(by)) return { kind: 'forbidden', message: 'control-room operators and the supervisor create silences' };
    const accepted = acceptNewSilence(body, { id: randomUUID(), createdBy: by.subject }, now);
    if (!accepted.ok) return { kind: 'invalid', errors: accepted.errors };
    const { silence } = accepted;
    const row: SilenceEntity = { ...silence, createdAt: now, expiredBy: null, expiredAt: null, remindedAt: null, releasedEndsAt: null };
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(SilenceEntity, row);
      await scheduleSilenceTimers(this.timers, silence, now, manager);
    });
    this.logger.log({ msg: 'silence created', silenceId: silence.id, createdBy: silence.createdBy, startsAt: silence.startsAt, endsAt: silence.endsAt, comment: silence.comment });
    return { kind: 'saved', silence: toSilenceView(silenceRecordOf(row), now) };
  }
}
