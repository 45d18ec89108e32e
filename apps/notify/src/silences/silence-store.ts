import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import { isUuid } from '@vigil/db';
import type { Silence } from '../domain/mute/silence';
import type { SilenceRecord } from '../domain/mute/silence-timer-step';
import { NOTIFY_SCHEMA } from '../notify.schema';
import type { SilenceReadScope } from './silence-access';
import { SilenceEntity } from './silence.entity';

/** Which silences a list shows: `not-expired` is active and pending. */
export type SilenceListState = 'active' | 'pending' | 'expired' | 'not-expired' | 'all';

/** A silence as stored: the domain's record and when it was created. */
export interface StoredSilence extends SilenceRecord {
  createdAt: Date;
}

/** How far back `inForce` reaches: a flush just after a silence ended can still name it. */
const JUST_ENDED_MS = 60_000;
/** The newest this many silences: expired ones stay for the record and would otherwise grow without bound. */
export const SILENCE_LIST_LIMIT = 500;

/** Silences as stored, read for the pipeline, the REST API and the timers. */
@Injectable()
export class SilenceStore {
  constructor(@InjectDataSource(NOTIFY_SCHEMA) private readonly dataSource: DataSource) {}

  /**
   * The silences that may mute something now or soon: every one not over for more than a minute,
   * pending ones included (the silencer itself tells active from pending). The pipeline calls it
   * on every flush, so it is one query on the index of the end, in the caller's transaction when
   * given (a flush holding one connection must not wait for a second from a pool its peers hold).
   */
  async inForce(now: Date, manager: EntityManager = this.dataSource.manager): Promise<Silence[]> {
    const rows = await manager.getRepository(SilenceEntity).find({ where: { endsAt: MoreThan(new Date(now.getTime() - JUST_ENDED_MS)) } });
    return rows.map((row) => silenceRecordOf(row).silence);
  }

  /** One silence with what was done about its end; null when there is none with that id. */
  async byId(id: string): Promise<StoredSilence | null> {
    if (!isUuid(id)) return null;
    const row = await this.dataSource.getRepository(SilenceEntity).findOneBy({ id });
    return row ? silenceRecordOf(row) : null;
  }

  /** Silences in a state at `now`, within a reader's scope, the latest to end first. */
  async list(query: { state: SilenceListState; scope: SilenceReadScope }, now = new Date()): Promise<StoredSilence[]> {
    if (query.scope.kind === 'none') return [];
    const select = this.dataSource.getRepository(SilenceEntity).createQueryBuilder('s').orderBy('s.endsAt', 'DESC').addOrderBy('s.id').limit(SILENCE_LIST_LIMIT);
    const condition = STATE_CONDITIONS[query.state];
    if (condition) select.andWhere(condition, { now });
    // An `equals` matcher, as the read scope pins it: jsonb containment says exactly that.
    if (query.scope.kind === 'pinned') select.andWhere('s.matchers @> CAST(:pin AS jsonb)', { pin: JSON.stringify([{ label: query.scope.label, equals: query.scope.value }]) });
    return (await select.getMany()).map(silenceRecordOf);
  }
}

/** The states as SQL, the same as `recordState`: one expired by hand is expired even before its start. */
const STATE_CONDITIONS: Record<SilenceListState, string | null> = {
  active: 's.expired_at IS NULL AND s.starts_at <= :now AND s.ends_at > :now',
  pending: 's.expired_at IS NULL AND s.starts_at > :now',
  expired: '(s.expired_at IS NOT NULL OR s.ends_at <= :now)',
  'not-expired': 's.expired_at IS NULL AND s.ends_at > :now',
  all: null,
};

/** A row as the domain reads it. */
export function silenceRecordOf(row: SilenceEntity): StoredSilence {
  return {
    silence: { id: row.id, matchers: row.matchers, startsAt: row.startsAt, endsAt: row.endsAt, createdBy: row.createdBy, comment: row.comment },
    expiredAt: row.expiredAt,
    expiredBy: row.expiredBy,
    remindedAt: row.remindedAt,
    releasedEndsAt: row.releasedEndsAt,
    createdAt: row.createdAt,
  };
}
