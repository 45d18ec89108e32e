import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventPublisher } from '@vigil/bus';
import { SourceState, SupervisedSourceKind } from '@vigil/contracts';
import { AppOutbox, appendToOutbox, outboxToken } from '@vigil/db';
import { decisions } from '@vigil/observability';
import { INGEST_OPTIONS, IngestOptions } from '../ingest.options';
import { INGEST_SCHEMA } from '../ingest.schema';
import { gatewayState, StateVerdict } from './gateway-state';
import { SourceStateEntity } from './source-state.entity';

interface Entry {
  kind: SupervisedSourceKind;
  id: string;
  partnerId: string | null;
  state: SourceState | null;
  lastSeen: Date | null;
  /** Set for sources this registry judges by heartbeat; alarm paths are judged by the DC-09 receiver. */
  intervalSeconds: number | null;
  unsaved: boolean;
  /** An alarm path's key mismatch is recorded or on its way; set at once so a good frame right after clears it. */
  keyMismatch?: boolean;
}

/**
 * Every gateway's and alarm path's last heartbeat and state (up, late, down). Heartbeats only
 * touch memory; state changes are stored with their fault event in one transaction, and
 * last-heard times are saved on each tick.
 */
@Injectable()
export class SourceRegistry implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Supervision');
  private readonly entries = new Map<string, Entry>();
  private timer?: NodeJS.Timeout;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource(INGEST_SCHEMA) private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    @Inject(outboxToken(INGEST_SCHEMA)) private readonly outbox: AppOutbox,
    @Inject(INGEST_OPTIONS) private readonly options: IngestOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const row of await this.dataSource.getRepository(SourceStateEntity).find()) {
      this.entries.set(key(row.sourceKind, row.sourceId), {
        kind: row.sourceKind,
        id: row.sourceId,
        partnerId: row.partnerId,
        state: row.state,
        lastSeen: row.lastSeen,
        intervalSeconds: row.expectedIntervalSeconds,
        unsaved: false,
        keyMismatch: row.state === 'key-mismatch',
      });
    }
    this.timer = setInterval(() => void this.tick(new Date()), this.options.supervisionTickMs);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.serial(() => this.saveLastSeen());
  }

  /** A gateway heartbeat or message; a gateway heard again after going late or down comes back up. */
  gatewayHeard(kind: 'airwave' | 'townlink', gatewayId: string, at: Date): void {
    this.heard(kind, gatewayId, null, this.options.gatewayHeartbeatSeconds, at);
  }

  /** Any accepted frame from an alarm account; its lateness is the DC-09 receiver's to judge. A key mismatch clears. */
  alarmHeard(account: string, partnerId: string | null, at: Date): void {
    this.heard('alarm', account, partnerId, null, at);
    const entry = this.entries.get(key('alarm', account));
    if (!entry?.keyMismatch) return;
    entry.keyMismatch = false;
    void this.serial(() => this.change(entry, { state: 'up', reason: 'key-matched' }, at)).catch((error: Error) =>
      this.logger.warn({ msg: 'could not record source state', kind: 'alarm', id: account, error: error.message }),
    );
  }

  /** A frame the panel and the register disagree on the key for: the board shows it until a good frame arrives. */
  alarmKeyMismatch(account: string, partnerId: string | null, reason: string, at: Date): Promise<void> {
    const entry = this.entry('alarm', account, partnerId, null);
    entry.partnerId = partnerId ?? entry.partnerId;
    entry.keyMismatch = true;
    return this.serial(() => this.change(entry, { state: 'key-mismatch', reason }, at));
  }

  /** Whether a source has been heard or judged since start-up (or before, as stored). */
  knows(kind: SupervisedSourceKind, id: string): boolean {
    return this.entries.has(key(kind, id));
  }

  /** The DC-09 receiver's verdict on an alarm path. */
  alarmPathState(account: string, partnerId: string | null, state: SourceState, reason: string, at: Date): Promise<void> {
    const entry = this.entry('alarm', account, partnerId, null);
    entry.partnerId = partnerId ?? entry.partnerId;
    return this.serial(() => this.change(entry, { state, reason }, at));
  }

  /** Judges every heartbeat source now and saves last-heard times. */
  tick(now: Date): Promise<void> {
    return this.serial(async () => {
      for (const entry of this.entries.values()) {
        if (entry.intervalSeconds === null) continue;
        const verdict = gatewayState(entry.lastSeen, entry.intervalSeconds, now);
        if (verdict.state !== entry.state) await this.change(entry, verdict, now);
      }
      await this.saveLastSeen();
    }).catch((error: Error) => this.logger.warn({ msg: 'supervision pass failed, will retry', error: error.message }));
  }

  /** Every supervised source, as stored. */
  list(): Promise<SourceStateEntity[]> {
    return this.dataSource.getRepository(SourceStateEntity).find({ order: { sourceKind: 'ASC', sourceId: 'ASC' } });
  }

  private heard(kind: SupervisedSourceKind, id: string, partnerId: string | null, intervalSeconds: number | null, at: Date): void {
    const entry = this.entry(kind, id, partnerId, intervalSeconds);
    entry.partnerId = partnerId ?? entry.partnerId;
    if (!entry.lastSeen || entry.lastSeen < at) entry.lastSeen = at;
    entry.unsaved = true;
    if (entry.state !== 'up' && (intervalSeconds !== null || entry.state === null)) {
      void this.serial(() => this.change(entry, { state: 'up', reason: entry.state === null ? 'first-heard' : 'heard-again' }, at)).catch(
        (error: Error) => this.logger.warn({ msg: 'could not record source state', kind, id, error: error.message }),
      );
    }
  }

  private entry(kind: SupervisedSourceKind, id: string, partnerId: string | null, intervalSeconds: number | null): Entry {
    const found = this.entries.get(key(kind, id));
    if (found) return found;
    const created: Entry = { kind, id, partnerId, state: null, lastSeen: null, intervalSeconds, unsaved: false };
    this.entries.set(key(kind, id), created);
    return created;
  }

  private async change(entry: Entry, verdict: StateVerdict, now: Date): Promise<void> {
    if (entry.state === verdict.state) return;
    const previous = entry.state;
    await this.dataSource.transaction(async (manager) => {
      await manager.upsert(
        SourceStateEntity,
        {
          sourceKind: entry.kind,
          sourceId: entry.id,
          partnerId: entry.partnerId,
          state: verdict.state,
          lastSeen: entry.lastSeen,
          expectedIntervalSeconds: entry.intervalSeconds,
          changedAt: now,
          reason: verdict.reason,
        },
        ['sourceKind', 'sourceId'],
      );
      const data = {
        sourceKind: entry.kind,
        sourceId: entry.id,
        partnerId: entry.partnerId,
        state: verdict.state,
        previousState: previous,
        lastSeen: entry.lastSeen?.toISOString() ?? null,
        changedAt: now.toISOString(),
        reason: verdict.reason,
      };
      const envelope = this.publisher.envelope('sourceStateChanged', data, { id: `source:${entry.kind}:${entry.id}:${now.getTime()}`, time: now });
      await appendToOutbox(manager, INGEST_SCHEMA, this.publisher.subjectFor('sourceStateChanged', data), envelope);
    });
    entry.state = verdict.state;
    entry.unsaved = false;
    this.outbox.kick();
    decisions.inc({ app: 'ingest', decision: 'source-state', reason: verdict.reason });
    const log = verdict.state === 'up' ? 'log' : 'warn';
    this.logger[log]({ msg: `${entry.kind} ${entry.id} is ${verdict.state}`, previous, reason: verdict.reason });
  }

  private async saveLastSeen(): Promise<void> {
    const unsaved = [...this.entries.values()].filter((e) => e.unsaved && e.state !== null);
    if (unsaved.length === 0) return;
    // One statement per tick, however many panels and gateways spoke since the last one.
    await this.dataSource.query(
      `UPDATE "${INGEST_SCHEMA}"."source_state" AS s SET "last_seen" = u.last_seen
       FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS u(kind, id, last_seen)
       WHERE s."source_kind" = u.kind AND s."source_id" = u.id`,
      [unsaved.map((e) => e.kind), unsaved.map((e) => e.id), unsaved.map((e) => e.lastSeen)],
    );
    unsaved.forEach((entry) => (entry.unsaved = false));
  }

  // State changes of one source must not interleave, or an old verdict could overwrite a new one.
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function key(kind: string, id: string): string {
  return `${kind}:${id}`;
}
